package dev.quarry.content;

import java.util.List;

/**
 * One entry of a detection's {@code tests:} block. A test passes when the detection returns at least one row over
 * its attack data, or, when {@code expectNoResults} is set, when it returns none.
 */
public record DetectionTest(String name, List<AttackData> attackData, boolean expectNoResults) {
    public DetectionTest {
        attackData = List.copyOf(attackData);
    }
}
