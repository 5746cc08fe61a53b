package dev.quarry.cim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.exec.Row;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.Origin;
import org.junit.jupiter.api.Test;

/** Rows made from raw events carry the event time that order-sensitive commands sort them by. */
class RawEventOrderTest {
    @Test
    void rawEventRowCarriesEventTime() {
        Event event = Event.builder().origin(new Origin("test", "event 1")).time(1_700_000_000_500_000L)
                .add("EventCode", "4688").build();
        Row row = new RawEventView(event, RawEventView.SearchTimeFields.of(CimCatalog.builtIn())).toRow();

        assertThat(row.rawEventTime()).isEqualTo(1_700_000_000.5);
        assertThat(new Row(row).rawEventTime()).as("a copy keeps the time").isEqualTo(1_700_000_000.5);
    }

    @Test
    void newRowCarriesNoEventTime() {
        assertThat(new Row().rawEventTime()).isNull();
    }
}
