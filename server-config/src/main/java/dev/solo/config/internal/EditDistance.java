package dev.solo.config.internal;

import java.util.Collection;
import java.util.Optional;

/**
 * Damerau–Levenshtein distance (the "optimal string alignment" variant: insertions, deletions,
 * substitutions and swaps of neighbours each cost 1), for "did you mean" hints.
 */
final class EditDistance {

    private EditDistance() {
    }

    /**
     * The number of single-character edits between two words.
     *
     * @param a one word
     * @param b the other word
     * @return the distance, 0 if equal
     */
    static int between(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * The candidate closest to a misspelt word, if it is close enough to be a likely typo:
     * one edit for words of up to three letters, two for longer ones. Ties go to the
     * alphabetically first candidate, so hints are stable.
     *
     * @param word the unknown word
     * @param candidates the known words
     * @return the suggestion, or empty
     */
    static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = word.length() <= 3 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = between(word, candidate);
            if (distance <= limit && (distance < bestDistance
                    || distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
