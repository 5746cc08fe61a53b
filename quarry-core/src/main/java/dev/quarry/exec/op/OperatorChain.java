package dev.quarry.exec.op;

import java.util.List;

/**
 * The operators of a sub-pipeline built for one run, such as the commands inside {@code appendpipe}: {@code head}
 * receives the sub-pipeline's input, and {@code operators} lists every operator built, so that the operator that
 * owns the sub-pipeline can count what they keep.
 */
public record OperatorChain(Operator head, List<Operator> operators) {
    public OperatorChain {
        operators = List.copyOf(operators);
    }

    /** Returns the rows and groups that the operators keep, summed. */
    public long held() {
        long total = 0;
        for (Operator op : operators) {
            total += op.held();
        }
        return total;
    }
}
