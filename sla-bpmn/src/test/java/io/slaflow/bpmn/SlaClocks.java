package io.slaflow.bpmn;

import io.slaflow.bpmn.internal.ClockStore;
import io.slaflow.core.countdown.RequestClock;
import java.time.Instant;
import java.util.Optional;

/** Reads the SLA clock table of an engine, for tests: a clock's next due instant, and whether it ended. */
final class SlaClocks {

    private SlaClocks() {
    }

    /** Returns the next due instant of the clock of {@code slot} of process {@code processId}: empty while paused or ended. */
    static Optional<Instant> due(SlaEngine desk, ClockStore.Slot slot, String processId) {
        return desk.processEngine().getManagementService().executeCommand(c -> ClockStore.due(slot, processId));
    }

    /** Returns the next due instant of request {@code id}'s clock. */
    static Optional<Instant> due(SlaEngine desk, String id) {
        return due(desk, ClockStore.Slot.INTAKE, id);
    }

    /** Returns the stored clock of {@code slot} of process {@code processId}, if it has one. */
    static Optional<RequestClock> read(SlaEngine desk, ClockStore.Slot slot, String processId) {
        return desk.processEngine().getManagementService().executeCommand(c -> ClockStore.read(slot, processId));
    }

    /** Tells whether request {@code id}'s clock ended: every countdown met. */
    static boolean ended(SlaEngine desk, String id) {
        return read(desk, ClockStore.Slot.INTAKE, id).orElseThrow().ended();
    }
}
