package io.slaflow.bpmn;

import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.mockito.ArgumentCaptor;

/** Reads what a mocked {@link SlaEventListener} received. */
final class Events {

    private Events() {
    }

    /** Returns every event {@code listener} received about request {@code id}, in order. */
    static List<SlaEvent> of(SlaEventListener listener, String id) {
        ArgumentCaptor<SlaEvent> captor = ArgumentCaptor.forClass(SlaEvent.class);
        verify(listener, atLeast(0)).onEvent(captor.capture());
        return captor.getAllValues().stream().filter(e -> e.requestId().equals(id)).toList();
    }

    /** Returns the events about request {@code id} as short strings: {@code TYPE METRIC} and the threshold of warnings. */
    static List<String> names(SlaEventListener listener, String id) {
        return of(listener, id).stream().map(Events::name).toList();
    }

    static String name(SlaEvent e) {
        return e.type() + " " + e.metric() + (e.type() == SlaEvent.Type.WARNING ? " " + e.threshold() : "");
    }
}
