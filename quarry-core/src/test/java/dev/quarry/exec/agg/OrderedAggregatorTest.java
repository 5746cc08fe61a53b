package dev.quarry.exec.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.exec.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State of the order-sensitive functions, which a streaming runtime must be able to serialize. */
class OrderedAggregatorTest {
    @Test
    void listSurvivesSerialization() throws IOException, ClassNotFoundException {
        ListValues list = new ListValues();
        list.add(Value.str("old"), 100, 100.0);
        list.add(Value.str("new"), 300, 300.0);

        Aggregator copy = roundTrip(list);
        ((OrderedAggregator) copy).add(Value.str("newest"), 400, 400.0);

        assertThat(copy.result()).isEqualTo(Value.ofStrings(List.of("newest", "new", "old")));
    }

    @Test
    void firstTakesNewestRawEvent() {
        FirstLast first = new FirstLast(true);
        first.add(Value.str("a"), 100, 100.0);
        first.add(Value.str("b"), 300, 300.0);
        first.add(Value.str("c"), 200, 200.0);

        assertThat(first.result()).isEqualTo(Value.str("b"));
    }

    @Test
    void lastTakesLastRowWithoutRawTime() {
        FirstLast last = new FirstLast(false);
        last.add(Value.str("a"), 300);
        last.add(Value.str("b"), 100);

        assertThat(last.result()).isEqualTo(Value.str("b"));
    }

    @Test
    void listKeepsFirstHundredInOrder() {
        ListValues list = new ListValues();
        for (int i = 0; i < 150; i++) {
            list.add(Value.str(Integer.toString(i)), i, (double) i);
        }

        List<Value> values = Value.list(list.result());
        assertThat(values).hasSize(ListValues.MAX_VALUES);
        assertThat(values.get(0)).isEqualTo(Value.str("149"));
        assertThat(values.get(99)).isEqualTo(Value.str("50"));
    }

    private static Aggregator roundTrip(Aggregator a) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Aggregator) in.readObject();
        }
    }
}
