package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Docker's formatter rules (docker/cli cli/command/formatter/formatter.go). */
class FormatterTest {

    /** docker images' default table format (cli/command/formatter/image.go). */
    private static final String IMAGES = "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t"
            + "{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}";
    private static final Map<String, String> HEADERS = Map.of("Repository", "REPOSITORY", "Tag", "TAG",
            "ID", "IMAGE ID", "CreatedSince", "CREATED", "Size", "SIZE", "Digest", "DIGEST");

    private final Formatter images = new Formatter(HEADERS, IMAGES);

    private static Map<String, Object> row(String repo, String tag, String id, String created, String size) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Repository", repo);
        row.put("Tag", tag);
        row.put("ID", id);
        row.put("CreatedSince", created);
        row.put("Size", size);
        return row;
    }

    private static final List<Map<String, Object>> ROWS = List.of(
            row("busybox", "latest", "6fd955f66c23", "2 weeks ago", "4.26MB"),
            row("<none>", "<none>", "0123456789ab", "", "0B"));

    @Test
    void theDefaultTableLooksLikeDockerImages() {
        assertThat(images.render("", ROWS)).isEqualTo(
                "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n"
                + "busybox      latest    6fd955f66c23   2 weeks ago   4.26MB\n"
                + "<none>       <none>    0123456789ab   N/A           0B\n");
        assertThat(images.render("table", ROWS)).isEqualTo(images.render("", ROWS));
    }

    @Test
    void anEmptyTableStillHasItsHeader() {
        assertThat(images.render(null, List.of()))
                .isEqualTo("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
    }

    @Test
    void theHeaderIsTheTemplateRunOnColumnTitles() {
        assertThat(images.render("table {{.Repository}}:{{.Tag}}", ROWS))
                .isEqualTo("REPOSITORY:TAG\nbusybox:latest\n<none>:<none>\n");
    }

    @Test
    void stringFunctionsLeaveHeadersAloneButPadApplies() {
        assertThat(images.render("table {{upper .Repository}}\\t{{json .Tag}}\\t{{pad .Size 1 0}}", ROWS))
                .isEqualTo("REPOSITORY   TAG         SIZE\n"
                        + "BUSYBOX      \"latest\"    4.26MB\n"
                        + "<NONE>       \"<none>\"    0B\n");
    }

    @Test
    void labelColumnsAreTitledByTheLastPartOfTheLabel() {
        Map<String, Object> row = Map.of("Label",
                (TemplateMethod) args -> "com.example.my_app".equals(args.getFirst()) ? "web" : "");
        assertThat(images.render("table {{.Label \"com.example.my_app\"}}", List.of(row)))
                .isEqualTo("my app\nweb\n");
    }

    @Test
    void aHeaderThatFailsKeepsWhatItPrintedBeforeTheError() {
        Formatter f = new Formatter(Map.of("Config", "CONFIG"), "table {{.Config}}");
        List<Map<String, Object>> rows = List.of(Map.of("Config", Map.of("Env", List.of("A=1"))));
        assertThat(f.render("table env: {{.Config.Env}}", rows)).isEqualTo("env: \nenv: [A=1]\n");
    }

    @Test
    void aPlainFormatHasNoHeaderAndNoAlignment() {
        assertThat(images.render("{{.Repository}}\\t{{.Tag}}", ROWS))
                .isEqualTo("busybox\tlatest\n<none>\t<none>\n");
        assertThat(images.render("{{.Repository}}\t{{.Tag}}", ROWS.subList(0, 1))).isEqualTo("busybox\tlatest\n");
    }

    @Test
    void jsonPrintsEachRowWithSortedKeysAndEscapedHtml() {
        // Rows marshal with json.Marshal, which escapes <, > and &: "\u003cnone\u003e".
        assertThat(images.render("json", ROWS)).isEqualTo(
                "{\"CreatedSince\":\"2 weeks ago\",\"ID\":\"6fd955f66c23\",\"Repository\":\"busybox\","
                + "\"Size\":\"4.26MB\",\"Tag\":\"latest\"}\n"
                + "{\"CreatedSince\":\"\",\"ID\":\"0123456789ab\",\"Repository\":\"\\u003cnone\\u003e\","
                + "\"Size\":\"0B\",\"Tag\":\"\\u003cnone\\u003e\"}\n");
        assertThat(images.render("{{json .Repository}}", ROWS.subList(1, 2))).isEqualTo("\"<none>\"\n");
    }

    @Test
    void dockersOwnContextTest() {
        // TestContext in docker/cli formatter_test.go.
        Formatter f = new Formatter(Map.of("Name", "NAME"), "table {{.Name}}");
        List<Map<String, Object>> rows = List.of(Map.of("Name", "test"));
        assertThat(f.render("json", rows)).isEqualTo("{\"Name\":\"test\"}\n");
        assertThat(f.render("table {{.Name}}", rows)).isEqualTo("NAME\ntest\n");
    }

    @Test
    void errorsCarryDockersPrefix() {
        assertThatThrownBy(() -> images.render("{{.Repository}", ROWS))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template parsing error: template: :1: bad character U+007D '}'");
        assertThatThrownBy(() -> images.render("{{.Repository.X}}", ROWS))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template parsing error: template: :1:13: executing");
    }
}
