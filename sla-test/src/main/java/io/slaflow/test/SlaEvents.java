package io.slaflow.test;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.SlaEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The SLA events the test's engine (or the cluster's nodes) announced, in the order heard. Thread-safe. */
public final class SlaEvents implements SlaEventListener {

    private final List<SlaEvent> heard = new CopyOnWriteArrayList<>();

    SlaEvents() {
    }

    @Override
    public void onEvent(SlaEvent event) {
        heard.add(event);
    }

    /** Returns every event heard so far; a copy. */
    public List<SlaEvent> all() {
        return List.copyOf(heard);
    }

    /** Returns the events of one request, in order. */
    public List<SlaEvent> of(String requestId) {
        return heard.stream().filter(e -> e.requestId().equals(requestId)).toList();
    }

    /** Returns the types of the events of one request, in order. */
    public List<SlaEvent.Type> types(String requestId) {
        return of(requestId).stream().map(SlaEvent::type).toList();
    }

    /** Forgets the events heard so far. */
    public void clear() {
        heard.clear();
    }
}
