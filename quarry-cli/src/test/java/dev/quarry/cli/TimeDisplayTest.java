package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.exec.Value;
import org.junit.jupiter.api.Test;

/** {@code _time} prints as an ISO 8601 date in UTC; other fields and other text print as they are. */
class TimeDisplayTest {
    @Test
    void epochSecondsBecomeADate() {
        assertThat(TimeDisplay.shown("_time", new Value.Num(1635862202.311827)).text())
                .isEqualTo("2021-11-02T14:10:02.311827Z");
    }

    @Test
    void groupByTextBecomesADate() {
        assertThat(TimeDisplay.shown("_time", new Value.Str("1635862202")).text()).isEqualTo("2021-11-02T14:10:02Z");
    }

    @Test
    void otherTextStays() {
        assertThat(TimeDisplay.shown("_time", new Value.Str("1d")).text()).isEqualTo("1d");
        assertThat(TimeDisplay.shown("_time", new Value.Str("2021-11-02")).text()).isEqualTo("2021-11-02");
        assertThat(TimeDisplay.shown("_time", new Value.Str("2021")).text()).isEqualTo("2021");
        Value huge = new Value.Num(1e300);
        assertThat(TimeDisplay.shown("_time", huge)).isSameAs(huge);
    }

    @Test
    void otherFieldsStay() {
        assertThat(TimeDisplay.shown("firstTime", new Value.Num(1635862202)).text()).isEqualTo("1635862202");
    }
}
