package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Go text/template language as docker --format strings use it. Expected outputs follow the
 * Go documentation of text/template and fmt (https://pkg.go.dev/text/template).
 */
class GoTemplateTest {

    private static String run(String template, Object data) {
        return GoTemplate.parse(template).execute(data);
    }

    private static Map<String, Object> image() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Env", List.of("PATH=/usr/bin", "LANG=C"));
        config.put("Labels", new LinkedHashMap<>(Map.of("b", "2", "a", "1")));
        config.put("Cmd", GoNil.SLICE);
        config.put("Volumes", GoNil.MAP);
        config.put("Healthcheck", null);
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("Repository", "busybox");
        image.put("Tag", "latest");
        image.put("Size", 4261550L);
        image.put("Config", config);
        image.put("RepoTags", List.of("busybox:latest", "busybox:1.36"));
        return image;
    }

    @Test
    void literalTextPassesThrough() {
        assertThat(run("no actions at all\n", null)).isEqualTo("no actions at all\n");
    }

    @Test
    void fieldsAndNestedFieldsLookUpMapKeys() {
        assertThat(run("{{.Repository}}:{{.Tag}} {{.Config.Env}}", image()))
                .isEqualTo("busybox:latest [PATH=/usr/bin LANG=C]");
    }

    @Test
    void dotPrintsTheWholeValueLikeGoFmt() {
        assertThat(run("{{.}}", "plain")).isEqualTo("plain");
        assertThat(run("{{.}}", List.of("a", "b", "c"))).isEqualTo("[a b c]");
        assertThat(run("{{.Config.Labels}}", image())).isEqualTo("map[a:1 b:2]");
        assertThat(run("{{.}}", Map.of("k", List.of(1, 2)))).isEqualTo("map[k:[1 2]]");
    }

    @Test
    void missingKeysPrintNoValueEvenWhenChained() {
        assertThat(run("{{.Nope}}|{{.Nope.Deeper}}", image())).isEqualTo("<no value>|<no value>");
    }

    @Test
    void nilsPrintAsGoPrintsThem() {
        // A nil pointer prints <nil>, a nil slice [] and a nil map map[] (fmt's %v).
        assertThat(run("{{.Config.Healthcheck}} {{.Config.Cmd}} {{.Config.Volumes}}", image()))
                .isEqualTo("<nil> [] map[]");
    }

    @Test
    void numbersAndBooleansPrintWithoutDecoration() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("Int", 7);
        data.put("Long", 4261550L);
        data.put("Whole", 3.0);
        data.put("Half", 1.5);
        data.put("Big", 1e6);
        data.put("Yes", true);
        assertThat(run("{{.Int}} {{.Long}} {{.Whole}} {{.Half}} {{.Big}} {{.Yes}}", data))
                .isEqualTo("7 4261550 3 1.5 1e+06 true");
    }

    @Test
    void recordsAreStructs() {
        record Layer(String Digest, long Size) {
        }
        Layer layer = new Layer("sha256:abc", 42);
        assertThat(run("{{.Digest}} {{.Size}}", layer)).isEqualTo("sha256:abc 42");
        assertThat(run("{{.}}", layer)).isEqualTo("{sha256:abc 42}");
        assertThat(run("{{printf \"%+v\" .}}", layer)).isEqualTo("{Digest:sha256:abc Size:42}");
        assertThat(run("{{json .}}", layer)).isEqualTo("{\"Digest\":\"sha256:abc\",\"Size\":42}");
    }

    @Test
    void trimMarkersEatAdjacentWhitespace() {
        assertThat(run("a  \n {{- .Tag -}} \n  b", image())).isEqualTo("alatestb");
        // Without a space after the dash, "-3" is a number, not a trim marker.
        assertThat(run("x {{-3}}", null)).isEqualTo("x -3");
    }

    @Test
    void commentsProduceNothing() {
        assertThat(run("a{{/* a comment */}}b", null)).isEqualTo("ab");
        assertThat(run("a {{- /* trimmed */ -}} b", null)).isEqualTo("ab");
    }

    @Test
    void pipelinesPassTheValueAsLastArgument() {
        assertThat(run("{{.Tag | printf \"%s-%s\" \"v\"}}", image())).isEqualTo("v-latest");
        assertThat(run("{{\"abc\" | len}}", null)).isEqualTo("3");
        assertThat(run("{{.Repository | upper | printf \"%q\"}}", image())).isEqualTo("\"BUSYBOX\"");
    }

    @Test
    void parenthesesAndChainsEvaluateSubPipelines() {
        Map<String, Object> data = Map.of("Items", List.of(Map.of("Name", "first")));
        assertThat(run("{{(index .Items 0).Name}}", data)).isEqualTo("first");
        assertThat(run("{{len (index .Items 0).Name}}", data)).isEqualTo("5");
    }

    @Test
    void variablesRootAndAssignment() {
        Map<String, Object> data = Map.of("Prefix", ">", "L", List.of("a", "b", "c"));
        assertThat(run("{{range .L}}{{$.Prefix}}{{.}}{{end}}", data)).isEqualTo(">a>b>c");
        assertThat(run("{{$x := 5}}{{$x}}{{$x = 6}}{{$x}}", null)).isEqualTo("56");
        // Assignment inside range changes the outer variable (Go 1.11 semantics).
        assertThat(run("{{$last := \"\"}}{{range .L}}{{$last = .}}{{end}}{{$last}}", data))
                .isEqualTo("c");
    }

    @Test
    void rangeOverListsWithIndexAndElement() {
        assertThat(run("{{range $i, $e := .RepoTags}}{{$i}}={{$e}};{{end}}", image()))
                .isEqualTo("0=busybox:latest;1=busybox:1.36;");
        assertThat(run("{{range $e := .RepoTags}}[{{$e}}]{{end}}", image()))
                .isEqualTo("[busybox:latest][busybox:1.36]");
    }

    @Test
    void rangeOverMapsVisitsKeysInSortedOrder() {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("zeta", "3");
        labels.put("alpha", "1");
        labels.put("Mid", "2");
        // Go sorts string keys bytewise: uppercase before lowercase.
        assertThat(run("{{range $k, $v := .}}{{$k}}={{$v}} {{end}}", labels))
                .isEqualTo("Mid=2 alpha=1 zeta=3 ");
    }

    @Test
    void rangeElseRunsForEmptyNilAndMissing() {
        assertThat(run("{{range .}}x{{else}}empty{{end}}", List.of())).isEqualTo("empty");
        assertThat(run("{{range .Config.Cmd}}x{{else}}nil{{end}}", image())).isEqualTo("nil");
        assertThat(run("{{range .Nope}}x{{else}}missing{{end}}", image())).isEqualTo("missing");
    }

    @Test
    void rangeOverAnIntegerCounts() {
        // Go 1.22 added range over integers to text/template.
        assertThat(run("{{range 3}}{{.}}{{end}}", null)).isEqualTo("012");
    }

    @Test
    void breakAndContinueControlTheLoop() {
        List<Integer> n = List.of(1, 2, 3, 4, 5);
        assertThat(run("{{range .}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}", n)).isEqualTo("123");
        assertThat(run("{{range .}}{{if eq . 2}}{{continue}}{{end}}{{.}}{{end}}", n))
                .isEqualTo("1345");
    }

    @Test
    void ifElseIfElseChains() {
        String t = "{{if eq .Tag \"x\"}}x{{else if eq .Tag \"latest\"}}latest{{else}}other{{end}}";
        assertThat(run(t, image())).isEqualTo("latest");
        assertThat(run("{{if .Config.Cmd}}set{{else}}unset{{end}}", image())).isEqualTo("unset");
        assertThat(run("{{if 0}}a{{else if \"\"}}b{{else}}c{{end}}", null)).isEqualTo("c");
    }

    @Test
    void withSetsDotAndHasElseBranches() {
        assertThat(run("{{with .Config}}{{.Env}}{{end}}", image())).isEqualTo("[PATH=/usr/bin LANG=C]");
        assertThat(run("{{with .Nope}}has{{else}}none{{end}}", image())).isEqualTo("none");
        assertThat(run("{{with .Nope}}a{{else with .Tag}}{{.}}{{end}}", image())).isEqualTo("latest");
    }

    @Test
    void comparisons() {
        assertThat(run("{{eq .Tag \"a\" \"latest\"}} {{ne 1 2}} {{lt \"a\" \"b\"}} {{le 2 2}}"
                + " {{gt 1.5 1.25}} {{ge 1 2}}", image()))
                .isEqualTo("true true true true true false");
        // Integers of different Java types compare by value; a missing key equals nothing.
        assertThat(run("{{eq .Size 4261550}} {{eq .Nope \"x\"}}", image())).isEqualTo("true false");
    }

    @Test
    void andOrReturnTheDecidingOperandAndShortCircuit() {
        assertThat(run("{{and 1 0 2}} {{and 1 2}} {{or 0 \"\" \"x\"}} {{or 0 \"\"}}", null))
                .isEqualTo("0 2 x ");
        assertThat(run("{{or true (index .RepoTags 99)}}", image())).isEqualTo("true");
        assertThat(run("{{not \"\"}} {{not .Tag}}", image())).isEqualTo("true false");
    }

    @Test
    void lenCountsBytesElementsAndEntries() {
        assertThat(run("{{len \"héllo\"}} {{len .RepoTags}} {{len .Config.Labels}} {{len .Config.Cmd}}",
                image())).isEqualTo("6 2 2 0");
    }

    @Test
    void indexReadsListsMapsAndNestedValues() {
        Map<String, Object> data = Map.of("M", Map.of("a", List.of("x", "y")),
                "Mixed", Map.of("n", 1));
        assertThat(run("{{index .M \"a\" 1}}", data)).isEqualTo("y");
        // A missing key gives the zero value: "" for string maps such as Labels.
        assertThat(run("[{{index .Config.Labels \"nope\"}}]", image())).isEqualTo("[]");
        assertThat(run("[{{index .Mixed \"nope\"}}]", data)).isEqualTo("[<no value>]");
        assertThat(run("{{index \"abc\" 1}}", null)).isEqualTo("98");
    }

    @Test
    void sliceCutsStringsAndLists() {
        assertThat(run("{{slice \"abcdef\" 1 3}} {{slice .RepoTags 1}}", image()))
                .isEqualTo("bc [busybox:1.36]");
    }

    @Test
    void printFunctions() {
        assertThat(run("{{print 1 2 \"a\" 3 \"b\" \"c\"}}", null)).isEqualTo("1 2a3bc");
        assertThat(run("{{println \"a\" 1}}", null)).isEqualTo("a 1\n");
        assertThat(run("{{printf \"%-10s|%5d|\" .Repository .Size}}", image()))
                .isEqualTo("busybox   |4261550|");
        assertThat(run("{{print nil .Nope}}", image())).isEqualTo("<nil> <nil>");
    }

    @Test
    void escapingFunctions() {
        assertThat(run("{{html \"<a href='x'>&\"}}", null)).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;");
        assertThat(run("{{urlquery \"a b&c/é\"}}", null)).isEqualTo("a+b%26c%2F%C3%A9");
        assertThat(run("{{js \"it's <b>\"}}", null)).isEqualTo("it\\'s \\u003Cb\\u003E");
    }

    @Test
    void methodsInTheDataTakeArguments() {
        Map<String, Object> labels = Map.of("com.example.version", "1.2");
        Map<String, Object> data = Map.of("Label",
                (TemplateMethod) args -> labels.getOrDefault((String) args.getFirst(), ""),
                "Fns", List.of((TemplateMethod) args -> "called with " + args));
        assertThat(run("{{.Label \"com.example.version\"}}", data)).isEqualTo("1.2");
        // A method value that is not reached as a field is a plain func, which call invokes.
        assertThat(run("{{call (index .Fns 0) 1 \"a\"}}", data)).isEqualTo("called with [1, a]");
    }

    @Test
    void literals() {
        assertThat(run("{{\"tab\\there\"}}|{{`raw\\t`}}", null)).isEqualTo("tab\there|raw\\t");
        assertThat(run("{{'a'}} {{printf \"%c\" 'a'}}", null)).isEqualTo("97 a");
        assertThat(run("{{0x1F}} {{1_000}} {{0o17}} {{017}} {{-5}} {{1.5e3}} {{true}}", null))
                .isEqualTo("31 1000 15 15 -5 1500 true");
    }

    @Test
    void actionsMaySpanLines() {
        assertThat(run("{{printf \"%s\"\n  .Tag}}", image())).isEqualTo("latest");
    }

    @Test
    void arraysAreSlices() {
        Map<String, Object> data = Map.of("A", new String[] {"x", "y"});
        assertThat(run("{{.A}} {{len .A}} {{join .A \"+\"}}", data)).isEqualTo("[x y] 2 x+y");
        assertThat(run("{{range .}}{{.}}{{end}}", Arrays.asList("p", null, "q")))
                .isEqualTo("p<nil>q");
    }

    @Test
    void aParsedTemplateCanRunManyTimes() {
        GoTemplate t = GoTemplate.parse("{{.Tag}}");
        assertThat(t.execute(Map.of("Tag", "a"))).isEqualTo("a");
        assertThat(t.execute(Map.of("Tag", "b"))).isEqualTo("b");
        assertThat(t.text()).isEqualTo("{{.Tag}}");
    }
}
