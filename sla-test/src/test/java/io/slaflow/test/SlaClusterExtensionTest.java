package io.slaflow.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.slaflow.bpmn.SlaEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@SlaClusterTest(policyFile = "desk.yaml", members = {
        @SlaMember(group = "consultants", users = "olga"),
        @SlaMember(group = "leads", users = "lena")})
class SlaClusterExtensionTest {

    @Test
    void twoNodesShareOneDatabaseAndEachThresholdFiresOnce(SlaCluster cluster, SlaEvents events) {
        assertEquals(2, cluster.nodes().size());
        assertNotSame(cluster.node(0).processEngine(), cluster.node(1).processEngine());
        String id = cluster.node(0).submit(Requests.critical("acme"));
        assertEquals(1, cluster.node(1).requestsOf("acme").size(), "node 1 sees node 0's request");

        cluster.time().advance(Duration.ofHours(2));           // warning and breach, run by whichever node looks first
        List<SlaEvent.Type> heard = events.types(id);
        assertEquals(1, heard.stream().filter(t -> t == SlaEvent.Type.WARNING).count());
        assertEquals(1, heard.stream().filter(t -> t == SlaEvent.Type.BREACHED).count());
        cluster.node(1).resolve(id, "olga", "Fixed on node 1");
        assertEquals(io.slaflow.bpmn.RequestStage.RESOLVED, cluster.node(0).status(id).stage());
    }

    @Test
    void eachTestHasAFreshDatabase(SlaCluster cluster) {
        assertEquals(List.of(), cluster.node(0).requestsOf("acme"));
    }
}
