package io.jenkins.plugins.openchoreo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.faults.FaultKind;
import io.jenkins.plugins.openchoreo.client.faults.FaultMatrix;
import io.jenkins.plugins.openchoreo.client.faults.Operation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultMatrixScoreboardTest {

    private static FaultMatrix.Run run(FaultKind kind, Operation op, ErrorCode error, long millis) {
        return new FaultMatrix.Run(kind, op, "fm-1", null, error == null ? null
                : new InvalidRequestException(error, "refused"), Duration.ofMillis(millis), 0, 0,
                new RecordingListener());
    }

    @Test
    void talliesEachScenarioByItsOutcome() {
        FaultMatrixScoreboard board = new FaultMatrixScoreboard();
        board.add(run(FaultKind.S429, Operation.FIND, null, 10));
        board.add(run(FaultKind.S400, Operation.FIND, ErrorCode.API_INVALID, 20));
        board.add(run(FaultKind.S400, Operation.UPDATE, null, 30));

        assertThat(board.line()).isEqualTo("[fault-matrix] scenarios 3, as expected 2, succeeded after retry 1, "
                + "failed clearly 1, lost fields 0, leaked secrets 0");
        assertThat(board.table().render()).contains("1: S400 on UPDATE").contains("| 20.0 ").contains("| 30.0 ");
    }
}
