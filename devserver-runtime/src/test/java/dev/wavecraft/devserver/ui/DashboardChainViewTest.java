package dev.wavecraft.devserver.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.protocol.json.Json;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The chain panel in a real headless Chromium against a stub whose chain, parameters and per-stage
 * levels the test sets, for what a real chain cannot be made to do on demand: stages reordered by a
 * reload, a value changed by another client at a chosen moment, a server without getChain.
 */
class DashboardChainViewTest {

    private static final String STAGES = """
            { "stages": [
                { "id": "input", "name": "Input Gain", "parameters": ["input_gain", "input_bypass"] },
                { "id": "filter", "name": "Filter", "parameters": ["filter_cutoff", "filter_bypass"] },
                { "id": "output", "name": "Output Gain", "parameters": ["output_gain", "output_bypass"] } ] }""";

    private static final String PARAMETERS = """
            { "parameters": [
                { "id": "input_gain", "name": "Gain", "type": "float", "value": 0, "default": 0, "min": -24, "max": 24,
                  "unit": "dB", "group": "Input Gain" },
                { "id": "input_bypass", "name": "Bypass", "type": "bool", "value": 0, "default": 0, "min": 0, "max": 1,
                  "group": "Input Gain" },
                { "id": "filter_cutoff", "name": "Cutoff", "type": "float", "value": 800, "default": 800, "min": 20,
                  "max": 20000, "unit": "Hz", "group": "Filter" },
                { "id": "filter_bypass", "name": "Bypass", "type": "bool", "value": 0, "default": 0, "min": 0, "max": 1,
                  "group": "Filter" },
                { "id": "output_gain", "name": "Gain", "type": "float", "value": -6, "default": 0, "min": -24, "max": 24,
                  "unit": "dB", "group": "Output Gain" },
                { "id": "output_bypass", "name": "Bypass", "type": "bool", "value": 1, "default": 0, "min": 0, "max": 1,
                  "group": "Output Gain" } ] }""";

    private static final String METER = """
            { "frame": { "peak_l": 0.5, "peak_r": 0.5, "rms_l": 0.35, "rms_r": 0.35, "timestamp": 1,
                "stages": [
                  { "id": "input", "peak_l": 1.0, "peak_r": 1.0, "rms_l": 0.7, "rms_r": 0.7 },
                  { "id": "filter", "peak_l": 0.1, "peak_r": 0.2, "rms_l": 0.05, "rms_r": 0.07 },
                  { "id": "output", "peak_l": 0.05, "peak_r": 0.1, "rms_l": 0.03, "rms_r": 0.035 } ] } }""";

    @TempDir
    Path profile;

    private StubServer server;
    private HeadlessChromium page;

    @AfterEach
    void stop() {
        try {
            if (page != null) {
                page.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void showsTheStagesInChainOrderWithTheirBypassAndTheLevelAfterEach() throws Exception {
        start(Map.of("getChain", Json.parseStrict(STAGES), "getAllParameters", Json.parseStrict(PARAMETERS),
                "getMeterFrame", Json.parseStrict(METER)));

        page.await("the chain", d -> d.findElement(By.id("chain-panel")).isDisplayed());
        assertThat(stageIds()).containsExactly("input", "filter", "output");
        assertThat(stage("input").findElement(By.cssSelector(".stage-title")).getText()).isEqualTo("Input Gain");
        assertThat(stage("input").findElement(By.cssSelector(".stage-id")).getText()).isEqualTo("input");
        assertThat(text("chain-count")).isEqualTo("3 stages");
        page.await("the output stage shown bypassed", d -> bypass("output").isSelected());
        assertThat(stage("output").getAttribute("data-bypassed")).isEqualTo("true");
        assertThat(bypass("filter").isSelected()).isFalse();
        assertThat(bypass("filter").getAttribute("aria-label")).isEqualTo("Bypass Filter");

        page.await("the stage meters", d -> !stage("output").getAttribute("data-rms").isEmpty());
        assertThat(Double.parseDouble(stage("input").getAttribute("data-peak"))).isEqualTo(1.0);
        assertThat(Double.parseDouble(stage("filter").getAttribute("data-rms"))).isEqualTo(0.07);
        assertThat(stage("filter").findElement(By.cssSelector(".stage-db")).getText()).isEqualTo("-14.0 dB");
        // The parameters panel groups by stage, in chain order.
        assertThat(page.driver().findElements(By.cssSelector("#params .group")).stream()
                .map(g -> g.getAttribute("data-group")).toList()).containsExactly("Input Gain", "Filter", "Output Gain");
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void aBypassSwitchSetsTheParameterAndFollowsChangesFromElsewhere() throws Exception {
        start(Map.of("getChain", Json.parseStrict(STAGES), "getAllParameters", Json.parseStrict(PARAMETERS),
                "getMeterFrame", Json.parseStrict(METER), "setParameter", Json.parseStrict("{}")));
        page.await("the filter's bypass switch", d -> bypass("filter").isEnabled());

        click(bypass("filter"));

        page.await("setParameter", d -> server.received("setParameter").size() == 1);
        assertThat(server.received("setParameter")).containsExactly(
                Json.parseStrict("{\"id\": \"filter_bypass\", \"value\": 1}"));
        assertThat(stage("filter").getAttribute("data-bypassed")).isEqualTo("true");
        assertThat(parameterSwitch("filter_bypass").isSelected()).as("the parameters panel shows it too").isTrue();

        click(parameterSwitch("filter_bypass")); // and the other way round
        page.await("the chain's switch off", d -> !bypass("filter").isSelected());
        assertThat(server.received("setParameter")).hasSize(2);

        server.broadcast("parameterChanged", Json.parseStrict("{\"id\": \"input_bypass\", \"value\": 1}"));
        page.await("another client's bypass", d -> bypass("input").isSelected());
        assertThat(server.received("setParameter")).as("nothing sent back").hasSize(2);
    }

    @Test
    void aReloadThatReordersOrRemovesStagesIsShownAndOneStageLeavesThePanelHidden() throws Exception {
        JsonObject chain = Json.parseStrict(STAGES).getAsJsonObject();
        Map<String, JsonElement> answers = new HashMap<>(Map.of("getChain", chain,
                "getAllParameters", Json.parseStrict(PARAMETERS)));
        start(answers);
        page.await("the chain", d -> stageIds().size() == 3);

        JsonArray stages = chain.getAsJsonArray("stages");
        JsonElement output = stages.remove(2);
        stages.add(output);
        JsonElement input = stages.remove(0);
        stages.add(input); // filter, output, input
        server.broadcast("reloadCompleted", Json.parseStrict("{\"generation\": 2, \"totalMs\": 90, \"added\": [], \"removed\": []}"));
        page.await("the new order", d -> stageIds().equals(List.of("filter", "output", "input")));
        assertThat(stage("filter").findElement(By.cssSelector(".stage-index")).getText()).isEqualTo("1");

        stages.remove(2);
        stages.remove(1);
        server.broadcast("parametersChanged", Json.parseStrict(
                "{\"generation\": 3, \"added\": [], \"removed\": [\"input_gain\"], \"kept\": [], \"reset\": []}"));
        page.await("the panel hidden for one stage", d -> !d.findElement(By.id("chain-panel")).isDisplayed());
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void aServerWithoutGetChainShowsNoChainPanel() throws Exception {
        start(Map.of());
        page.await("getAllParameters answered", d -> text("params-status-text").contains("no parameters"));
        assertThat(page.driver().findElement(By.id("chain-panel")).isDisplayed()).isFalse();
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    private void start(Map<String, JsonElement> answers) throws Exception {
        server = new StubServer(answers);
        page = HeadlessChromium.start(profile);
        page.open(server.url());
        page.await("the connection", d -> "connected".equals(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
    }

    /** Clicks an element scrolled to the middle of the window, clear of the sticky top bar. */
    private void click(WebElement element) {
        page.script("arguments[0].scrollIntoView({ block: 'center' })", element);
        element.click();
    }

    private List<String> stageIds() {
        return page.driver().findElements(By.cssSelector("#chain-stages .stage")).stream()
                .map(e -> e.getAttribute("data-stage-id")).toList();
    }

    private WebElement stage(String id) {
        return page.driver().findElement(By.cssSelector("#chain-stages [data-stage-id='" + id + "']"));
    }

    private WebElement bypass(String id) {
        return stage(id).findElement(By.cssSelector("input[role=switch]"));
    }

    private WebElement parameterSwitch(String id) {
        return page.driver().findElement(By.cssSelector("[data-param-id='" + id + "'] [data-role=control]"));
    }

    private String text(String id) {
        return page.driver().findElement(By.id(id)).getText();
    }
}
