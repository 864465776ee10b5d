package io.slaflow.bpmn.internal;

import io.slaflow.core.countdown.SlaMetric;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The service task "Record ... threshold" of the intake model: see {@link Clocks#record}. The model
 * names the metric in the field {@code metric}.
 */
public final class RecordThreshold implements JavaDelegate {

    private Expression metric;

    /** Receives the {@code metric} field of the model. */
    public void setMetric(Expression metric) {
        this.metric = metric;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Clocks.record(SlaRuntimes.current(), execution, SlaMetric.valueOf(metric.getExpressionText()));
    }
}
