package io.slaflow.spring.boot;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.SlaEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host's listener bean: keeps what it heard. */
final class RecordingListener implements SlaEventListener {

    private final List<SlaEvent> heard = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(SlaEvent event) {
        heard.add(event);
    }

    /** Returns the events heard about {@code requestId}, in order. */
    List<SlaEvent> about(String requestId) {
        return heard.stream().filter(e -> e.requestId().equals(requestId)).toList();
    }
}
