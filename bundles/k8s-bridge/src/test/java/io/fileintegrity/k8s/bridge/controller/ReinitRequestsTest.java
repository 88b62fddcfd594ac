package io.fileintegrity.k8s.bridge.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReinitRequestsTest {

    @Test
    void requestsRoundTripInStableOrder() {
        ReinitRequests r = ReinitRequests.NONE.request(NodeList.of(List.of("w2", "w1")), 5).request(NodeList.ALL, 7);
        assertEquals("*=7,w1=5,w2=5", r.format());
        assertEquals(r, ReinitRequests.parse(r.format()));
    }

    @Test
    void tokenForANodeIsTheNewestOfItsOwnAndAllNodes() {
        ReinitRequests r = ReinitRequests.parse("*=7,w1=9");
        assertEquals(9, r.tokenFor("w1"));
        assertEquals(7, r.tokenFor("w3"));
        assertTrue(r.pendingFor("w3", 6));
        assertFalse(r.pendingFor("w3", 7));
    }

    @Test
    void appliedPerNodeRequestsArePruned() {
        ReinitRequests r = ReinitRequests.parse("w1=9,w2=4");
        assertEquals(Map.of("w2", 4L), r.pruneApplied("w1", 9).tokens());
        assertEquals(r, r.pruneApplied("w1", 8));
    }

    @Test
    void malformedPairsAreDropped() {
        assertEquals(Map.of("w1", 3L), ReinitRequests.parse("w1=3,w2=x,=4,junk,w3=").tokens());
        assertEquals(ReinitRequests.NONE, ReinitRequests.parse("   "));
    }

    @Test
    void requestsAreSpelledAsTheNodesAreNamedAndThoseOfUnknownNodesDropped() {
        ReinitRequests r = ReinitRequests.parse("*=1,WORKER-0=5,worker-0=3,no-such-node=9,Worker-1=4");
        assertEquals("*=1,worker-0=5,worker-1=4", r.forNodes(List.of("worker-0", "worker-1", "master-0")).format());
        assertEquals(Map.of("*", 1L), r.forNodes(List.of()).tokens());
    }
}
