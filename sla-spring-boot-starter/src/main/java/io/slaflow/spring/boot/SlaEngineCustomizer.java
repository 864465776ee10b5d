package io.slaflow.spring.boot;

import io.slaflow.bpmn.SlaEngine;

/**
 * Changes the {@link SlaEngine.Builder} of the auto-configured engine after the {@code slaflow.*}
 * properties were applied and before it is built: routing rules, call-back policy, work order,
 * more members or business calendars. Every bean of this type is called, in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * SlaEngineCustomizer routing() {
 *     return builder -> builder.routing(myRules).acceptanceRequired(RequestKind.DEVELOPMENT);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SlaEngineCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(SlaEngine.Builder builder);
}
