package dev.countersign.gitops.internal.content;

import dev.countersign.gitops.content.DiffLine;
import dev.countersign.gitops.content.Hunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Unified diff hunks of two texts, line by line (histogram diff), with three lines of context. */
final class UnifiedDiff {
    static final int CONTEXT = 3;

    private UnifiedDiff() {}

    static List<Hunk> of(String before, String after) {
        RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        List<Hunk> hunks = new ArrayList<>();
        int first = 0;
        while (first < edits.size()) {
            int last = first;
            while (last + 1 < edits.size()
                    && edits.get(last + 1).getBeginA() - edits.get(last).getEndA() <= 2 * CONTEXT) {
                last++;
            }
            hunks.add(hunk(a, b, edits.subList(first, last + 1)));
            first = last + 1;
        }
        return hunks;
    }

    private static Hunk hunk(RawText a, RawText b, List<Edit> group) {
        Edit first = group.get(0);
        Edit last = group.get(group.size() - 1);
        int startA = Math.max(0, first.getBeginA() - CONTEXT);
        int endA = Math.min(a.size(), last.getEndA() + CONTEXT);
        int startB = first.getBeginB() - (first.getBeginA() - startA);
        int endB = last.getEndB() + (endA - last.getEndA());
        List<DiffLine> lines = new ArrayList<>();
        int at = startA;
        for (Edit edit : group) {
            at = lines(lines, a, at, edit.getBeginA(), DiffLine.Kind.CONTEXT);
            lines(lines, a, edit.getBeginA(), edit.getEndA(), DiffLine.Kind.REMOVED);
            lines(lines, b, edit.getBeginB(), edit.getEndB(), DiffLine.Kind.ADDED);
            at = edit.getEndA();
        }
        lines(lines, a, at, endA, DiffLine.Kind.CONTEXT);
        return new Hunk(start(startA, endA), endA - startA, start(startB, endB), endB - startB, lines);
    }

    private static int lines(List<DiffLine> lines, RawText text, int from, int to, DiffLine.Kind kind) {
        for (int i = from; i < to; i++) {
            lines.add(new DiffLine(kind, text.getString(i)));
        }
        return to;
    }

    private static int start(int from, int to) {
        return to > from ? from + 1 : from;
    }
}
