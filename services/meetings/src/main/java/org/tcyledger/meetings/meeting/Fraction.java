package org.tcyledger.meetings.meeting;

/** An exact fraction such as 2/3: quorum and majority are compared without floating point. */
public record Fraction(long numerator, long denominator) {

    public Fraction {
        if (numerator < 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("a fraction between 0 and 1 is needed, not " + numerator + "/" + denominator);
        }
    }

    public static Fraction parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a fraction like 2/3 is needed, not '" + text + "'");
        }
        return new Fraction(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
    }

    /** ceil(this × n), in integers. */
    public long ceilTimes(long n) {
        return (numerator * n + denominator - 1) / denominator;
    }

    /** part / whole ≥ this, in integers; whole > 0. */
    public boolean isReachedBy(long part, long whole) {
        return part * denominator >= numerator * whole;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
