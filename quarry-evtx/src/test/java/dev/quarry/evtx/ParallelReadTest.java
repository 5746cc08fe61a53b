package dev.quarry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parallel decoding delivers exactly what sequential decoding delivers, in the same order. */
class ParallelReadTest {

    @ParameterizedTest
    @ValueSource(strings = {"bad-chunk-magic.evtx", "capi2-binxml-values.evtx", "mimikatz-pass-the-hash.evtx"})
    void parallelEqualsSequential(String sample) throws IOException {
        Samples.Read sequential = Samples.read(Samples.path(sample), EvtxOptions.withThreads(1));
        Samples.Read parallel = Samples.read(Samples.path(sample), new EvtxOptions(3, 3, DecodeLimits.DEFAULT));

        assertThat(parallel.records()).isEqualTo(sequential.records());
        assertThat(parallel.warnings()).extracting(EvtxWarning::offset, EvtxWarning::message)
                .isEqualTo(sequential.warnings().stream()
                        .map(w -> org.assertj.core.groups.Tuple.tuple(w.offset(), w.message())).toList());
        assertThat(parallel.stats()).isEqualTo(sequential.stats());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-chunk-magic.evtx", "capi2-binxml-values.evtx"})
    void recordsArriveInFileOrder(String sample) throws IOException {
        Samples.Read parallel = Samples.read(Samples.path(sample), EvtxOptions.withThreads(4));

        assertThat(parallel.records()).extracting(EvtxRecord::fileOffset).isSorted();
    }
}
