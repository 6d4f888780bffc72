package dev.wavecraft.devserver.ui;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.devserver.testing.HeadlessChromiumExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The chain panel on examples/chain (input gain, a low-pass filter, output gain), compiled from its
 * real sources and run by a real dev server on port 0 over its test tone: the stages in chain
 * order, and a bypass switch that reaches the server and is heard on the stage's meter.
 */
@ExtendWith(HeadlessChromiumExtension.class)
class DashboardChainTest {

    @TempDir
    Path project;

    @Test
    void showsTheStagesInOrderAndBypassingTheFilterSetsItsParameterAndLetsTheToneThrough(HeadlessChromium page)
            throws Exception {
        CompiledProject.example("chain", project).classpathFile();
        try (SynthServer server = SynthServer.start(project)) {
            // The filter all but closed: after it, the test tone is far quieter than before it.
            server.rpc().call("setParameter", valueParams("filter_cutoff", 20));
            page.open(server.url());
            page.await("the chain", d -> d.findElement(By.id("chain-panel")).isDisplayed());
            assertThat(stageIds(page)).containsExactly("input", "filter", "output");
            assertThat(stage(page, "filter").findElement(By.cssSelector(".stage-title")).getText()).isEqualTo("Filter");

            double closed = page.await("the filter's meter", d -> level(page, "filter"));
            double before = level(page, "input");
            System.out.printf("Tone before the filter %.1f dBFS, after it %.1f dBFS%n", db(before), db(closed));
            assertThat(db(closed)).as("the closed filter's level").isLessThan(db(before) - 20);

            page.script("arguments[0].scrollIntoView({ block: 'center' })", bypass(page, "filter"));
            bypass(page, "filter").click();

            page.await("filter_bypass on the server", d -> server.rpc().valueOf("filter_bypass") == 1.0);
            page.await("the tone through the bypassed filter", d -> db(level(page, "filter")) > db(before) - 1);
            assertThat(stage(page, "filter").getAttribute("data-bypassed")).isEqualTo("true");
            assertThat(page.severeConsoleMessages()).isEmpty();
        }
    }

    private static List<String> stageIds(HeadlessChromium page) {
        return page.driver().findElements(By.cssSelector("#chain-stages .stage")).stream()
                .map(e -> e.getAttribute("data-stage-id")).toList();
    }

    private static WebElement stage(HeadlessChromium page, String id) {
        return page.driver().findElement(By.cssSelector("#chain-stages [data-stage-id='" + id + "']"));
    }

    private static WebElement bypass(HeadlessChromium page, String id) {
        return stage(page, id).findElement(By.cssSelector("input[role=switch]"));
    }

    /** The RMS after a stage (linear), null while its meter shows none. */
    private static Double level(HeadlessChromium page, String id) {
        String rms = stage(page, id).getAttribute("data-rms");
        return rms == null || rms.isEmpty() ? null : Double.parseDouble(rms);
    }

    private static double db(double linear) {
        return 20 * Math.log10(Math.max(1e-10, linear));
    }
}
