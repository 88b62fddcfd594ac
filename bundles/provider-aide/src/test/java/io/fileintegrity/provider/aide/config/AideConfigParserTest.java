package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ConfigProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AideConfigParserTest {

    private static ParseOutcome parse(String text) {
        return parse(text, ParseOptions.defaults().withHostname("node1"));
    }

    private static ParseOutcome parse(String text, ParseOptions options) {
        return AideConfigParser.parse(ConfigSource.ofText("aide.conf", text), options);
    }

    private static AideConfig valid(String text) {
        ParseOutcome o = parse(text);
        assertEquals(List.of(), o.problems());
        return o.config();
    }

    @Test
    void optionsHaveAideDefaults() {
        AideConfig c = valid("/x p\n");
        assertTrue(c.databaseIn().isEmpty());
        assertEquals(AttributeSet.of(Attribute.SHA256, Attribute.SHA512), c.databaseAttrs());
        assertTrue(c.databaseAddMetadata());
        assertFalse(c.gzipDbout());
        assertEquals("", c.rootPrefix());
        assertEquals(ReportLevel.CHANGED_ATTRIBUTES, c.reportSettings().level());
        assertEquals(List.of(new ReportUrl(new AideUrl(AideUrl.Type.STDOUT, "", "(default)", 1), ReportSettings.DEFAULTS)),
                c.reportUrls());
    }

    @Test
    void firstDefinitionWinsForDatabaseRootPrefixWorkersAndLogLevel() {
        ParseOutcome o = parse("database_in=file:/a\ndatabase=file:/b\nroot_prefix=/srv/\nroot_prefix=/x\n"
                + "num_workers=50%\nnum_workers=3\nlog_level=info\nlog_level=debug\n");
        assertEquals(List.of(), o.problems());
        AideConfig c = o.config();
        assertEquals("/a", c.databaseIn().orElseThrow().value());
        assertEquals("/srv", c.rootPrefix());
        assertEquals(new NumWorkers(50, true), c.numWorkers().orElseThrow());
        assertEquals(2, c.numWorkers().orElseThrow().resolve(3));
        assertEquals("info", c.logLevel().orElseThrow());
        assertTrue(o.warnings().size() >= 4, o.warnings().toString());
    }

    @Test
    void fileUrlFormsGiveThePathAndAHostPartIsRejectedLikeAide() {
        AideConfig c = valid("database_in=file:///var/a\ndatabase_out=file:/var/b\ndatabase_new=file:c\n");
        assertEquals("/var/a", c.databaseIn().orElseThrow().value());
        assertEquals("/var/b", c.databaseOut().orElseThrow().value());
        assertEquals("c", c.databaseNew().orElseThrow().value());
        ParseOutcome o = parse("database_in=file://localhost/var/a\ndatabase_out=file://node1\n");
        assertEquals(List.of(1, 2), o.problems().stream().map(ConfigProblem::line).toList());
    }

    @Test
    void reportUrlCapturesReportOptionsSetBeforeIt() {
        AideConfig c = valid("report_url=file:/tmp/full.log\nreport_level=summary\nreport_format=json\n"
                + "report_ignore_changed_attrs=a+m\nreport_url=stdout\n");
        assertEquals(2, c.reportUrls().size());
        ReportUrl stdout = c.reportUrls().get(1); // AIDE's order: highest level first
        assertEquals(AideUrl.Type.STDOUT, stdout.url().type());
        assertEquals(ReportFormat.JSON, stdout.settings().format());
        assertEquals(AttributeSet.of(Attribute.ATIME, Attribute.MTIME), stdout.settings().ignoreChangedAttrs());
        ReportUrl file = c.reportUrls().get(0);
        assertEquals(ReportLevel.CHANGED_ATTRIBUTES, file.settings().level());
        assertEquals(ReportFormat.PLAIN, file.settings().format());
    }

    @Test
    void reportUrlsAreInAideOrderHighestLevelFirstThenLastDefined() {
        AideConfig c = valid("report_level=summary\nreport_url=file:/a\nreport_url=file:/b\n"
                + "report_level=list_entries\nreport_url=file:/c\nreport_level=minimal\nreport_url=stdout\n");
        assertEquals(List.of("/c", "/b", "/a", ""), c.reportUrls().stream().map(u -> u.url().value()).toList());
    }

    @Test
    void groupValueIsCopiedWhenARuleIsRead() {
        AideConfig c = valid("G = p\n/a G\nG = u\n/b G\n");
        assertEquals(AttributeSet.of(Attribute.PERM), c.rules().get(0).attributes());
        assertEquals(AttributeSet.of(Attribute.UID), c.rules().get(1).attributes());
    }

    @Test
    void attributeExpressionIsEvaluatedLeftToRight() {
        AideConfig c = valid("/a p+u-p+g\n/b R-X-l\n");
        assertEquals(AttributeSet.of(Attribute.UID, Attribute.GID), c.rules().get(0).attributes());
        assertEquals("p+u+g+s+c+m+i+n+ftype", c.rules().get(1).attributes().toConfigExpression());
    }

    @Test
    void predefinedGroupsLeaveOutNonApprovedHashes() {
        Map<String, AttributeSet> g = valid("/x p\n").groups();
        assertEquals("l+p+u+g+s+c+m+i+n+acl+selinux+xattrs+ftype+e2fsattrs+caps", g.get("R").toConfigExpression());
        assertEquals("l+p+u+g+s+i+n+acl+selinux+xattrs+ftype+e2fsattrs+caps+growing", g.get(">").toConfigExpression());
        assertEquals("sha256+sha512", g.get("H").toConfigExpression());
        assertEquals(AttributeSet.EMPTY, g.get("E"));
    }

    @Test
    void variablesExpandInRulesAndOptionsAndHostnameIsPredefined() {
        AideConfig c = valid("@@define DIR srv/x\n/@@{DIR}/a p\ndatabase_out=file:/@@{DIR}/@@{HOSTNAME}.db\n"
                + "/@@{UNDEFINED}b p\n");
        assertEquals("/srv/x/a", c.rules().get(0).regex());
        assertEquals("/srv/x/node1.db", c.databaseOut().orElseThrow().value());
        assertEquals("/b", c.rules().get(1).regex());
    }

    @Test
    void conditionalsSelectBranchesAndNest() {
        String text = "@@define A\n@@if defined A\n@@if not hostname node1\n/no p\n@@else\n/yes p\n@@endif\n@@endif\n"
                + "@@ifndef A\n/no2 p\n@@endif\n@@ifnhost other\n/yes2 p\n@@endif\n@@undef A\n@@ifdef A\n/no3 p\n@@endif\n";
        assertEquals(List.of("/yes", "/yes2"), valid(text).rules().stream().map(Rule::regex).toList());
    }

    @Test
    void definesAndExtraLinesComeFromTheCaller() {
        ParseOptions options = ParseOptions.defaults().withDefine("TOP", "opt").withBeforeLines(List.of("X = p+u"))
                .withAfterLines(List.of("/after X", "root_prefix=/late"));
        ParseOutcome o = parse("root_prefix=/early\n/@@{TOP} X\n", options);
        assertEquals(List.of(), o.problems());
        List<Rule> rules = o.config().rules();
        assertEquals(List.of("/opt", "/after"), rules.stream().map(Rule::regex).toList());
        assertEquals("(--after)", rules.get(1).source());
        assertEquals("/early", o.config().rootPrefix());
    }

    @Test
    void unrestrictedRulesAreWarnedAboutOnlyInDryRunsWhenAsked() {
        String text = "config_check_warn_unrestricted_rules=yes\n/a p\n/b f p\n!/c\n";
        ParseOutcome dry = parse(text, ParseOptions.defaults().withDryRun(true));
        assertEquals(List.of(2, 4), dry.warnings().stream().map(ConfigProblem::line).toList());
        assertEquals("selective rule '/a' is unrestricted", dry.warnings().get(0).message());
        assertEquals(List.of(), parse(text).warnings());
    }

    @Test
    void restrictionsAcceptLettersAndZero() {
        AideConfig c = valid("/a f,d,l p\n/b 0 p\n/c 0abc p\n");
        assertEquals("f,d,l", c.rules().get(0).restrictionText());
        assertEquals("(none)", c.rules().get(1).restrictionText());
        assertEquals("(none)", c.rules().get(2).restrictionText());
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        ParseOutcome o = parse("/a p\nX = p # c\n/b NOPE\n!/c R\n/d[ p\nverbose=5\ngzip_dbout=maybe\n"
                + "report_level=loud\nnum_workers=x\n@@endif\ndatabase_attrs=p\nfoo_bar=1\n");
        // like AIDE, the whole file is parsed (in line order) before it is evaluated
        assertEquals(List.of(2, 10, 12, 3, 4, 5, 6, 7, 8, 9, 11),
                o.problems().stream().map(ConfigProblem::line).toList());
        assertEquals(17, o.exitCode());
        assertEquals("aide.conf:3: group 'NOPE' is not defined", o.problems().get(3).toString());
        assertEquals("aide.conf:4: invalid restriction 'R'", o.problems().get(4).toString());
        assertTrue(o.problems().get(5).message().startsWith("error in rule '/d['"), o.problems().get(5).message());
        assertEquals(1, o.config().rules().size());
    }

    @Test
    void slashFromVariableAfterRuleSlashIsAnInvalidDoubleSlash() {
        ParseOutcome o = parse("@@define DIR /srv/x\n/@@{DIR}/a p\n");
        assertEquals("aide.conf:2: error in rule '//srv/x/a': invalid double slash", o.problems().get(0).toString());
    }

    @Test
    void unterminatedIfIsReportedAtEndOfFileNamingTheIfLine() {
        ParseOutcome o = parse("/a p\n@@ifdef X\n/b p\n# end\n");
        assertEquals(1, o.problems().size());
        assertEquals(4, o.problems().get(0).line());
        assertTrue(o.problems().get(0).message().contains("@@if at line 2"));
    }

    @Test
    void missingConfigFileIsAnIoError() {
        ParseOutcome o = AideConfigParser.parse(java.nio.file.Path.of("/nonexistent/aide.conf"), ParseOptions.defaults());
        assertEquals(18, o.exitCode());
        assertTrue(o.problems().get(0).message().contains("/nonexistent/aide.conf"));
    }
}
