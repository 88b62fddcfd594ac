package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.compare.Difference;
import java.io.IOException;
import java.util.List;

/**
 * The differences of a run in database order, readable any number of times. A report makes several
 * passes (counts, then each section), so the differences need not all be in memory at once.
 */
public interface DifferenceSource {

    /** One pass over every difference, in database order. */
    void forEach(DifferenceVisitor visitor) throws IOException;

    /** Receives the differences of one pass. */
    @FunctionalInterface
    interface DifferenceVisitor {
        void visit(Difference d) throws IOException;
    }

    /** Differences held in a list (small runs and tests). */
    static DifferenceSource of(List<Difference> differences) {
        List<Difference> copy = List.copyOf(differences);
        return visitor -> {
            for (Difference d : copy) {
                visitor.visit(d);
            }
        };
    }
}
