package io.slaflow.bpmn;

/**
 * What a new configuration does to the requests open when it takes force ({@link
 * SlaEngine#reconfigure}).
 */
public enum RunningClocks {

    /**
     * Open requests keep the targets and calendar of the configuration version that timed them; only
     * requests filed after the new version takes force are timed by it. As a changed process definition
     * leaves its running instances on the old one.
     */
    KEEP,

    /**
     * Open requests take the targets and calendar the new version gives them: the working time already
     * counted stays counted (recounted on the new calendar from each countdown's history), the due
     * instants move, and a threshold the move puts in the past is announced at once. A countdown already
     * breached or met stays as it ended: a breach is never taken back.
     */
    MOVE
}
