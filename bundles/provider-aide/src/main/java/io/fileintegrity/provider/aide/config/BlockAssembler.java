package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.ElseMarker;
import io.fileintegrity.provider.aide.config.Statement.EndifMarker;
import io.fileintegrity.provider.aide.config.Statement.IfOpen;
import io.fileintegrity.provider.aide.config.Statement.IfStatement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Nests the statements between {@code @@if}, {@code @@else} and {@code @@endif} of one file. AIDE's grammar
 * needs at least one statement in each branch, and each file must close its own blocks.
 */
final class BlockAssembler {

    private static final class Frame {
        final IfOpen open;
        final List<Statement> thenBranch = new ArrayList<>();
        List<Statement> elseBranch;

        Frame(IfOpen open) {
            this.open = open;
        }

        List<Statement> current() {
            return elseBranch != null ? elseBranch : thenBranch;
        }
    }

    private BlockAssembler() {
    }

    static List<Statement> assemble(List<Statement> flat, int lastLine, ProblemLog problems) {
        List<Statement> top = new ArrayList<>();
        Deque<Frame> open = new ArrayDeque<>();
        for (Statement s : flat) {
            List<Statement> target = open.isEmpty() ? top : open.peek().current();
            if (s instanceof IfOpen o) {
                open.push(new Frame(o));
            } else if (s instanceof ElseMarker e) {
                onElse(open.peek(), e, problems);
            } else if (s instanceof EndifMarker e) {
                if (open.isEmpty()) {
                    problems.error(e.origin(), "syntax error, unexpected @@endif (no @@if is open)");
                    continue;
                }
                if (open.peek().current().isEmpty()) {
                    problems.error(e.origin(), "syntax error, unexpected @@endif (empty @@if/@@else branch)");
                }
                close(open, top);
            } else {
                target.add(s);
            }
        }
        while (!open.isEmpty()) {
            Statement.Origin opened = open.peek().open.origin();
            problems.error(new Statement.Origin(opened.source(), lastLine, ""), "syntax error, unexpected end of file, "
                    + "expecting @@else or @@endif (the @@if at line " + opened.line() + " is not closed)");
            close(open, top);
        }
        return List.copyOf(top);
    }

    private static void onElse(Frame frame, ElseMarker e, ProblemLog problems) {
        if (frame == null) {
            problems.error(e.origin(), "syntax error, unexpected @@else (no @@if is open)");
        } else if (frame.elseBranch != null) {
            problems.error(e.origin(), "syntax error, unexpected @@else (second @@else for one @@if)");
        } else {
            if (frame.thenBranch.isEmpty()) {
                problems.error(e.origin(), "syntax error, unexpected @@else (empty @@if branch)");
            }
            frame.elseBranch = new ArrayList<>();
        }
    }

    private static void close(Deque<Frame> open, List<Statement> top) {
        Frame f = open.pop();
        IfStatement done = new IfStatement(f.open.origin(), f.open.condition(), List.copyOf(f.thenBranch),
                f.elseBranch == null ? List.of() : List.copyOf(f.elseBranch));
        (open.isEmpty() ? top : open.peek().current()).add(done);
    }
}
