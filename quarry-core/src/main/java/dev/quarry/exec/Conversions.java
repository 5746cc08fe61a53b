package dev.quarry.exec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** {@code tostring()} and {@code tonumber()}. */
final class Conversions {
    private Conversions() {
    }

    /**
     * Converts to text. Formats: {@code hex} ({@code 0x} and lowercase hex of the integer), {@code commas}
     * (thousands separators, two decimals at most), {@code duration} (seconds as {@code HH:MM:SS}, with days as
     * {@code D+HH:MM:SS}). Booleans become {@code True} or {@code False}.
     */
    static Value toStringValue(Value v, String format) {
        if (v == null) {
            return null;
        }
        if (format == null) {
            return EvalFunctions.mapValues(v, one -> Value.str(one.text()));
        }
        Double d = Values.toNumber(v);
        if (d == null) {
            return Value.str(Values.toText(v));
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "hex" -> Value.str("0x" + Long.toHexString((long) d.doubleValue()));
            case "commas" -> {
                DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
                f.setRoundingMode(RoundingMode.HALF_UP);
                yield Value.str(f.format(d));
            }
            case "duration" -> Value.str(duration(d));
            default -> Value.str(Values.toText(v));
        };
    }

    private static String duration(double seconds) {
        long total = (long) Math.floor(Math.abs(seconds));
        long days = total / 86_400;
        long h = (total % 86_400) / 3600;
        long m = (total % 3600) / 60;
        long s = total % 60;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s);
        String sign = seconds < 0 ? "-" : "";
        return days > 0 ? sign + days + "+" + hms : sign + hms;
    }

    /**
     * Parses text as a number in {@code base} (2 to 36; base 10 allows a fraction and exponent). Text with
     * surrounding spaces or other characters is not a number, and gives null.
     */
    static Value toNumber(String s, int base) {
        if (base < 2 || base > 36) {
            return null;
        }
        if (base == 10) {
            Double d = Values.parseNumber(s);
            return d == null ? null : Value.num(d);
        }
        String t = s;
        if (base == 16 && (t.startsWith("0x") || t.startsWith("0X"))) {
            t = t.substring(2);
        }
        try {
            return Value.num(new BigDecimal(new BigInteger(t, base)).doubleValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
