package dev.quarry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timestamps in the forms event logs write them end up as UTC microseconds. */
class TimestampsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2021-11-02T14:15:24.567327600Z | 2021-11-02T14:15:24.567327Z",
        "2020-10-22T03:52:01.720Z       | 2020-10-22T03:52:01.720Z",
        "2020-10-22T03:52:01Z           | 2020-10-22T03:52:01Z",
        "2020-10-22 03:52:01            | 2020-10-22T03:52:01Z",
        "2020-10-22T05:52:01+02:00      | 2020-10-22T03:52:01Z",
        "2020-10-21T23:52:01.5-0400     | 2020-10-22T03:52:01.500Z",
        "2020-10-22T03:52:01.1234567890123Z | 2020-10-22T03:52:01.123456Z",
        "1635862824.567                 | 2021-11-02T14:20:24.567Z",
        "1635862824567                  | 2021-11-02T14:20:24.567Z",
        "2022-05-13T08:54:05.1230000Z   | 2022-05-13T08:54:05.123Z",
    })
    void parses(String text, String expected) {
        assertThat(Timestamps.formatMicros(Timestamps.parseMicros(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2020-13-01T00:00:00Z", "2020-10-22T25:00:00Z", "2020-10-22T03:52:01Q"})
    void rejects(String text) {
        assertThatThrownBy(() -> Timestamps.parseMicros(text))
                .hasMessageContaining("invalid timestamp [" + text + "]");
    }
}
