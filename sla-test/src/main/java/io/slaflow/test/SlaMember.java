package io.slaflow.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The members of one support group in an {@link SlaEngineTest} or {@link SlaClusterTest}:
 * {@code @SlaMember(group = "consultants", users = {"olga", "petro"})}.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
public @interface SlaMember {

    /** The group, e.g. {@code consultants}. */
    String group();

    /** The user ids in the group. */
    String[] users();
}
