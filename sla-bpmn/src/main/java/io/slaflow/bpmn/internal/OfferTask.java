package io.slaflow.bpmn.internal;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import java.time.Instant;
import java.util.Date;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.delegate.TaskListener;

/**
 * The create listener of the intake model's user tasks. It offers the task to the request's line (an
 * unescalated emergency to the member on rotation; an escalated request to {@code leads} too), gives
 * it to whoever completed the task before or had the request before a wait, and sets its name, priority and due date from plain data. The
 * request's subject goes into the name here, never through a model expression, so text such as
 * {@code ${...}} in it stays text.
 */
public final class OfferTask implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        SlaRuntime runtime = SlaRuntimes.current();
        // the request's variables live on its process: read them there, not through the new task's scope
        ExecutionEntity process = CommandContextUtil.getExecutionEntityManager().findById(task.getExecutionId());
        ServiceRequest request = Json.readRequest((String) process.getVariable(Model.VAR_REQUEST)).request();
        Object workKind = process.getVariable(Model.VAR_WORK_KIND);
        RequestKind kind = workKind instanceof String k ? RequestKind.valueOf(k) : request.kind();
        task.setName(task.getName() + ": " + request.subject());
        task.setPriority(runtime.taskPriority(kind));
        task.setDueDate(Date.from(deadline(runtime, process, request)));
        boolean escalated = Boolean.TRUE.equals(process.getVariable(Model.VAR_ESCALATED));
        Object offeredTo = process.getVariable(Model.VAR_OFFERED_TO);
        if (!escalated && offeredTo instanceof String member) {
            task.addCandidateUser(member);
        } else {
            Offers.groups((String) process.getVariable(Model.VAR_LINE), escalated).forEach(task::addCandidateGroup);
        }
        Json.readUsers((String) process.getVariable(Model.VAR_ESCALATED_TO)).forEach(task::addCandidateGroup);
        Object completedBy = process.getTransientVariable(Model.TRANSIENT_COMPLETED_BY);
        Object assignee = completedBy != null ? completedBy : process.getVariable(Model.VAR_ASSIGNEE);
        if (assignee instanceof String user) {
            task.setAssignee(user);
        }
    }

    private static Instant deadline(SlaRuntime runtime, ExecutionEntity process, ServiceRequest request) {
        Instant now = runtime.now();
        Timing timing = process.getTransientVariable(Model.TRANSIENT_TIMING) instanceof Timing started ? started
                : ClockStore.timing(ClockStore.Slot.INTAKE, process.getProcessInstanceId()).orElse(new Timing(null, null));
        WorkingCalendar calendar = runtime.calendar(timing, request);
        RequestClock clock = process.getTransientVariable(Model.TRANSIENT_CLOCK) instanceof RequestClock started ? started
                : ClockStore.read(ClockStore.Slot.INTAKE, process.getProcessInstanceId())
                        .orElseGet(() -> ClockStore.readLegacy(ClockStore.Slot.INTAKE, process));
        CountdownStatus response = clock.status(SlaMetric.RESPONSE, now, calendar);
        return response.met() ? clock.status(SlaMetric.RESOLUTION, now, calendar).due() : response.due();
    }
}
