package dev.quarry.cli;

import dev.quarry.ingest.EvtxInput;

/** Reader configuration shared by the commands that read event logs. */
final class Inputs {
    private Inputs() {
    }

    static EvtxInput evtx() {
        return EvtxInput.defaults();
    }
}
