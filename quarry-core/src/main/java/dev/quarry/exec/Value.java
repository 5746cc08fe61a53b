package dev.quarry.exec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A field value: a string, a number, or several values (multivalue). A missing field is Java {@code null},
 * never a {@code Value}. {@link Bool} exists only while an eval expression is evaluated: Splunk cannot store a
 * boolean in a field.
 */
public sealed interface Value extends java.io.Serializable {
    /** Renders the value as Splunk shows it; a multivalue renders its values joined by a newline. */
    String text();

    /**
     * A string. It keeps its {@link CaseFold folded} form once computed, because every detection of a run that
     * compares the same field of the same record without case needs it.
     */
    final class Str implements Value {
        private static final long serialVersionUID = 1L;
        private final String value;
        private transient String folded;

        public Str(String value) {
            this.value = java.util.Objects.requireNonNull(value);
        }

        public String value() {
            return value;
        }

        @Override
        public String text() {
            return value;
        }

        /** The text folded for comparisons without case. Computed once; a race only computes it twice. */
        public String folded() {
            String f = folded;
            if (f == null) {
                f = CaseFold.fold(value);
                folded = f;
            }
            return f;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Str s && s.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "Str[value=" + value + "]";
        }
    }

    record Num(double value) implements Value {
        @Override
        public String text() {
            return formatNumber(value);
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String text() {
            return value ? "True" : "False";
        }
    }

    /** Several values in order; never empty and never nested. */
    record Multi(List<Value> values) implements Value {
        public Multi {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a multivalue needs at least one value");
            }
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Value v : values) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(v.text());
            }
            return sb.toString();
        }
    }

    static Value str(String s) {
        return s == null ? null : new Str(s);
    }

    static Value num(double d) {
        return new Num(d);
    }

    /** Builds a field value from strings: null for none, one string, or a multivalue. */
    static Value ofStrings(List<String> strings) {
        if (strings == null || strings.isEmpty()) {
            return null;
        }
        if (strings.size() == 1) {
            return new Str(strings.get(0));
        }
        List<Value> values = new ArrayList<>(strings.size());
        for (String s : strings) {
            values.add(new Str(s));
        }
        return new Multi(values);
    }

    /** Builds a field value from scalar values: null for none, the value itself for one, else a multivalue. */
    static Value ofValues(List<Value> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        return new Multi(values);
    }

    /** Returns the values of a field as a list: empty for null, one element for a scalar. */
    static List<Value> list(Value v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof Multi m) {
            return m.values();
        }
        return List.of(v);
    }

    /**
     * Renders a number without an exponent and without a trailing {@code .0}: {@code 3}, {@code 1700000000.75},
     * {@code 0.1}; NaN and infinities as Splunk writes them ({@code nan}, {@code inf}, {@code -inf}).
     */
    static String formatNumber(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
