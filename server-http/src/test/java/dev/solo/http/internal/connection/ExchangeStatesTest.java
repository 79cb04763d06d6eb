package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transition tables of the request body's and the response's states, as their class comments draw them. */
class ExchangeStatesTest {

    @Test
    void bodyGoesFromUnclaimedToTheHandlerOrTheDrainOnly() {
        assertEquals(EnumSet.of(RequestBodyState.TO_HANDLER, RequestBodyState.DISCARDING, RequestBodyState.CUT_SHORT),
                bodyTargets(RequestBodyState.UNCLAIMED));
    }

    @Test
    void bodyFedToAHandlerEndsDeliveredOrGoesBackToUnclaimedOnARedirect() {
        assertEquals(EnumSet.of(RequestBodyState.DELIVERED, RequestBodyState.UNCLAIMED, RequestBodyState.CUT_SHORT),
                bodyTargets(RequestBodyState.TO_HANDLER));
        assertEquals(EnumSet.of(RequestBodyState.NONE, RequestBodyState.CUT_SHORT),
                bodyTargets(RequestBodyState.DELIVERED));
    }

    @Test
    void droppedBodyCanOnlyBeCutShortAfterwards() {
        assertEquals(EnumSet.of(RequestBodyState.DROPPED, RequestBodyState.CUT_SHORT),
                bodyTargets(RequestBodyState.DISCARDING));
        assertEquals(EnumSet.of(RequestBodyState.CUT_SHORT), bodyTargets(RequestBodyState.DROPPED));
        assertEquals(EnumSet.of(RequestBodyState.CUT_SHORT), bodyTargets(RequestBodyState.NONE));
    }

    @Test
    void bodyCutShortIsFinal() {
        assertEquals(EnumSet.noneOf(RequestBodyState.class), bodyTargets(RequestBodyState.CUT_SHORT));
    }

    @Test
    void illegalBodyTransitionThrowsNamingBothStates() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RequestBodyState.DISCARDING.moveTo(RequestBodyState.TO_HANDLER));
        assertTrue(e.getMessage().contains("DISCARDING") && e.getMessage().contains("TO_HANDLER"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(RequestBodyState.class)
    void bodyIsEitherReadOrDoneOrWaitingToBeClaimed(RequestBodyState state) {
        int roles = (state.isReading() ? 1 : 0) + (state.isDone() ? 1 : 0)
                + (state == RequestBodyState.UNCLAIMED ? 1 : 0);
        assertEquals(1, roles, state.name());
    }

    @Test
    void responseGoesThroughPreparingToWrittenWithOrWithoutTheWriter() {
        assertEquals(ResponseState.PREPARING, ResponseState.PENDING.moveTo(ResponseState.PREPARING));
        assertEquals(ResponseState.WRITTEN, ResponseState.PREPARING.moveTo(ResponseState.WRITTEN));
        assertEquals(ResponseState.WRITING, ResponseState.PREPARING.moveTo(ResponseState.WRITING));
        assertEquals(ResponseState.WRITTEN, ResponseState.WRITING.moveTo(ResponseState.WRITTEN));
    }

    @Test
    void responseNeverGoesBackNorSkipsPreparing() {
        assertThrows(IllegalStateException.class, () -> ResponseState.PENDING.moveTo(ResponseState.WRITTEN));
        assertThrows(IllegalStateException.class, () -> ResponseState.WRITING.moveTo(ResponseState.PREPARING));
        for (ResponseState next : ResponseState.values()) {
            assertFalse(ResponseState.WRITTEN.allows(next), next.name());
        }
    }

    private static Set<RequestBodyState> bodyTargets(RequestBodyState from) {
        Set<RequestBodyState> targets = EnumSet.noneOf(RequestBodyState.class);
        for (RequestBodyState next : RequestBodyState.values()) {
            if (from.allows(next)) {
                targets.add(next);
            }
        }
        return targets;
    }
}
