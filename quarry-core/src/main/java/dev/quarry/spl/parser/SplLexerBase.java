package dev.quarry.spl.parser;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;

/**
 * State the SPL lexer needs beyond its rules: where a command starts, and how deep the parentheses of an eval
 * expression go, so that the expression mode ends at the right {@code |}, {@code ]} or {@code )}.
 */
public abstract class SplLexerBase extends Lexer {
    private enum Position {
        QUERY_START,
        COMMAND_START,
        INSIDE
    }

    /** One active eval expression: inline ones ({@code eval(} inside a function) end at their closing paren. */
    private static final class ExpressionFrame {
        final boolean inline;
        int depth;

        ExpressionFrame(boolean inline) {
            this.inline = inline;
            this.depth = inline ? 1 : 0;
        }
    }

    private Position position = Position.QUERY_START;
    private final Deque<ExpressionFrame> frames = new ArrayDeque<>();

    protected SplLexerBase(CharStream input) {
        super(input);
    }

    /** True right after {@code |} or {@code [}, where any command name may appear. */
    protected boolean atCommandStart() {
        return position == Position.COMMAND_START;
    }

    /** True where the {@code search} command may appear: at the start of the query too. */
    protected boolean atSearchStart() {
        return position != Position.INSIDE;
    }

    protected boolean nextIsEquals() {
        int i = 1;
        int c = _input.LA(i);
        while (c == ' ' || c == '\t') {
            c = _input.LA(++i);
        }
        return c == '=';
    }

    protected void pipeSeen() {
        position = Position.COMMAND_START;
    }

    protected void commandSeen() {
        position = Position.INSIDE;
    }

    protected void enterExpression(boolean inline) {
        frames.push(new ExpressionFrame(inline));
        pushMode(SplLexer.EXPR);
    }

    /** Starts the lexer inside an expression, for parsing a standalone eval expression. */
    public void startInExpression() {
        position = Position.INSIDE;
        enterExpression(false);
    }

    protected void openParen() {
        if (!frames.isEmpty()) {
            frames.peek().depth++;
        }
    }

    protected void closeParen() {
        if (frames.isEmpty()) {
            return;
        }
        ExpressionFrame frame = frames.peek();
        frame.depth--;
        if (frame.inline && frame.depth == 0) {
            leaveExpression();
        }
    }

    protected void leaveExpressionAtPipe() {
        while (!frames.isEmpty()) {
            leaveExpression();
        }
        position = Position.COMMAND_START;
    }

    protected void leaveExpressionAtBracket() {
        while (!frames.isEmpty()) {
            leaveExpression();
        }
        position = Position.INSIDE;
    }

    private void leaveExpression() {
        frames.pop();
        popMode();
    }

    @Override
    public void reset() {
        super.reset();
        position = Position.QUERY_START;
        frames.clear();
    }
}
