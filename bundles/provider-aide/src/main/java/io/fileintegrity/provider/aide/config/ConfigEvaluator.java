package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.Condition;
import io.fileintegrity.provider.aide.config.Statement.DefineStatement;
import io.fileintegrity.provider.aide.config.Statement.GroupStatement;
import io.fileintegrity.provider.aide.config.Statement.IfStatement;
import io.fileintegrity.provider.aide.config.Statement.IncludeStatement;
import io.fileintegrity.provider.aide.config.Statement.OptionStatement;
import io.fileintegrity.provider.aide.config.Statement.RuleStatement;
import io.fileintegrity.provider.aide.config.Statement.SetenvStatement;
import io.fileintegrity.provider.aide.config.Statement.UndefineStatement;
import java.util.List;

/** Evaluates statements top to bottom, as AIDE 0.18's {@code eval_config} does. */
final class ConfigEvaluator {

    private final Evaluation ev;
    private final OptionEvaluator options;
    private final RuleEvaluator rules;
    private final IncludeEvaluator includes;

    ConfigEvaluator(Evaluation ev) {
        this.ev = ev;
        this.options = new OptionEvaluator(ev);
        this.rules = new RuleEvaluator(ev);
        this.includes = new IncludeEvaluator(ev, this);
    }

    /** Parses and evaluates one text at include depth 0. */
    void evaluateText(String source, String text) {
        evaluate(FileParser.parse(source, text, ev.problems), new IncludeEvaluator.Scope(0, null, List.of(source)));
    }

    void evaluate(List<Statement> statements, IncludeEvaluator.Scope scope) {
        for (Statement s : statements) {
            if (s instanceof OptionStatement o) {
                options.apply(o);
            } else if (s instanceof GroupStatement g) {
                group(g);
            } else if (s instanceof RuleStatement r) {
                rules.apply(r, scope.prefix());
            } else if (s instanceof DefineStatement d) {
                define(d);
            } else if (s instanceof UndefineStatement u) {
                undefine(u);
            } else if (s instanceof IncludeStatement i) {
                includes.apply(i, scope);
            } else if (s instanceof SetenvStatement e) {
                ev.execEnvironment.put(e.name(), ev.expand(e.value()));
            } else if (s instanceof IfStatement i) {
                evaluate(holds(i.condition(), i) ? i.thenBranch() : i.elseBranch(), scope);
            }
        }
    }

    private void group(GroupStatement g) {
        AttributeSet value = ev.groups.evaluate(g.expression(), g.origin(), ev.problems);
        if (value != null && ev.groups.define(g.name(), value)) {
            ev.problems.warn(g.origin(), "redefine group '" + g.name() + "' with value '" + value + "'");
        }
    }

    private void define(DefineStatement d) {
        String value = d.value() == null ? null : ev.expand(d.value());
        if (ev.variables.containsKey(d.name())) {
            ev.problems.warn(d.origin(), "redefine '" + d.name() + "' with value '" + value + "'");
        }
        ev.variables.put(d.name(), value);
    }

    private void undefine(UndefineStatement u) {
        if (!ev.variables.containsKey(u.name())) {
            ev.problems.warn(u.origin(), "variable '" + u.name() + "' to be undefined not found");
        }
        ev.variables.remove(u.name());
    }

    private boolean holds(Condition c, IfStatement at) {
        String argument = ev.expand(c.argument());
        boolean value = switch (c.function()) {
            case "defined" -> ev.variables.containsKey(argument);
            case "hostname" -> hostnameIs(argument, at);
            default -> ev.files.kind(argument) != ConfigFiles.Kind.MISSING;
        };
        return c.negations() % 2 == 0 ? value : !value;
    }

    private boolean hostnameIs(String name, IfStatement at) {
        String hostname = ev.parseOptions.hostname();
        if (hostname == null) {
            ev.problems.warn(at.origin(), "hostname not available; ifhost and ifnhost always evaluate to 'false'");
            return false;
        }
        return hostname.equals(name);
    }
}
