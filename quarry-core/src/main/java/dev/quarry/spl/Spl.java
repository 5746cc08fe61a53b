package dev.quarry.spl;

import dev.quarry.spl.ast.Expr;
import dev.quarry.spl.ast.Pipeline;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.parser.AstBuilder;
import dev.quarry.spl.parser.SplLexer;
import dev.quarry.spl.parser.SplParser;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Parses SPL text (already macro-expanded) into the syntax tree. Not thread-safe per call, safe across calls. */
public final class Spl {
    /** Longest search text accepted; ESCU's longest expanded search is a few kilobytes. */
    public static final int MAX_LENGTH = 1 << 20;

    private Spl() {
    }

    /** Parses a whole query: {@code | tstats ... | rename ...} or {@code sourcetype=x ... | stats ...}. */
    public static Pipeline parseQuery(String text) {
        return AstBuilder.query(parse(text, false, SplParser::query));
    }

    /** Parses one eval expression, as written in CIM mapping files. */
    public static Expr parseExpression(String text) {
        return AstBuilder.standaloneExpression(parse(text, true, SplParser::standaloneExpression));
    }

    /** Parses a search-language filter such as {@code Processes.process_name=cmd.exe}; null for blank text. */
    public static SearchExpr parseSearch(String text) {
        return AstBuilder.standaloneSearch(parse(text, false, SplParser::standaloneSearch));
    }

    /**
     * Parses with the fast SLL prediction first and falls back to full LL prediction when SLL fails, the usual
     * two-stage use of ANTLR; only the LL pass reports errors, since SLL can fail on valid input.
     */
    private static <T> T parse(String text, boolean expression, Function<SplParser, T> rule) {
        if (text.length() > MAX_LENGTH) {
            throw new SplSyntaxException(0, 1, 1, "a search of at most " + MAX_LENGTH + " characters",
                    text.length() + " characters");
        }
        try {
            SplParser fast = parser(text, expression, false);
            fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
            fast.setErrorHandler(new BailErrorStrategy());
            return rule.apply(fast);
        } catch (ParseCancellationException | SplSyntaxException e) {
            SplParser full = parser(text, expression, true);
            full.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.apply(full);
        } catch (StackOverflowError e) {
            throw new SplSyntaxException(0, 1, 1, "a search with less deeply nested parentheses",
                    "nesting too deep to parse");
        }
    }

    private static SplParser parser(String text, boolean expression, boolean reportErrors) {
        SplLexer lexer = new SplLexer(CharStreams.fromString(text));
        if (expression) {
            lexer.startInExpression();
        }
        ErrorListener listener = new ErrorListener();
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        SplParser parser = new SplParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        if (reportErrors) {
            parser.addErrorListener(listener);
        }
        return parser;
    }

    /** Turns the first lexer or parser error into an {@link SplSyntaxException} with readable token names. */
    private static final class ErrorListener extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                String msg, RecognitionException e) {
            int column = charPositionInLine + 1;
            if (recognizer instanceof Parser parser) {
                Token token = (Token) offendingSymbol;
                IntervalSet expectedTokens = e != null && e.getExpectedTokens() != null
                        ? e.getExpectedTokens() : parser.getExpectedTokens();
                String expected = describe(expectedTokens, parser.getVocabulary());
                String found = token.getType() == Token.EOF ? "the end of the search" : "[" + token.getText() + "]";
                throw new SplSyntaxException(token.getType() == Token.EOF ? -1 : token.getStartIndex(), line, column,
                        expected, found);
            }
            String text = msg.startsWith("token recognition error at: ")
                    ? msg.substring("token recognition error at: ".length()) : null;
            if (text != null && text.startsWith("'\"")) {
                String quoted = text.replace("'", "");
                throw new SplSyntaxException(-1, line, column, "a closing \" to end the quoted string " + quoted,
                        "the end of the search");
            }
            String found = text != null ? "[" + text.replace("'", "") + "]" : msg;
            throw new SplSyntaxException(-1, line, column, "a word, a quoted string or an operator",
                    "the unexpected character " + found);
        }

        private static String describe(IntervalSet set, Vocabulary vocabulary) {
            TreeSet<String> names = new TreeSet<>();
            for (int type : set.toList()) {
                names.add(readable(type, vocabulary));
            }
            List<String> list = new ArrayList<>(names);
            if (list.isEmpty()) {
                return "something else";
            }
            if (list.size() == 1) {
                return list.get(0);
            }
            return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
        }

        private static String readable(int type, Vocabulary vocabulary) {
            if (type == Token.EOF) {
                return "the end of the search";
            }
            String symbolic = vocabulary.getSymbolicName(type);
            if (symbolic == null) {
                return vocabulary.getDisplayName(type);
            }
            if (symbolic.startsWith("CMD_")) {
                return "a command";
            }
            return switch (symbolic) {
                case "WORD", "AS", "FROM", "OUTPUT", "OUTPUTNEW", "OVER" -> "a word";
                case "STRING" -> "a quoted string";
                case "PIPE" -> "'|'";
                case "LPAREN", "E_LPAREN" -> "'('";
                case "RPAREN", "E_RPAREN" -> "')'";
                case "LBRACKET" -> "'['";
                case "RBRACKET" -> "']'";
                case "COMMA" -> "','";
                case "EQ" -> "'='";
                case "E_EQEQ" -> "'=='";
                case "NEQ" -> "'!='";
                case "LT", "LTE", "GT", "GTE" -> "a comparison";
                case "AND" -> "AND";
                case "OR" -> "OR";
                case "NOT" -> "NOT";
                case "IN" -> "IN";
                case "BY" -> "BY";
                case "WHERE" -> "WHERE";
                case "EVAL_OPEN" -> "eval(";
                case "DIRECTIVE" -> "TERM(, CASE( or PREFIX(";
                case "E_NUMBER" -> "a number";
                case "E_IDENT", "E_QUOTED_NAME" -> "a field or function name";
                case "E_LIKE" -> "LIKE";
                case "E_XOR" -> "XOR";
                case "E_PLUS", "E_MINUS", "E_STAR", "E_SLASH", "E_PERCENT", "E_DOT" -> "an operator";
                default -> symbolic.toLowerCase(java.util.Locale.ROOT);
            };
        }
    }
}
