package nl.trede.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import nl.trede.ActiveVersionGuard;
import nl.trede.Caller;
import nl.trede.models.ActiveModels;
import nl.trede.models.CandidateVersions;
import nl.trede.models.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The models page as data scientists and admins use it: a candidate's report with its plots, the
 * proposal with a reason, the approval by someone else, the rollback, and the history of what was
 * live, all through the page.
 */
@QuarkusTest
class ModelsPageTest extends BrowserTest {

    @Inject
    ModelRegistry registry;
    @Inject
    ActiveModels active;

    private ActiveVersionGuard guard;
    private long startVersion;

    @BeforeEach
    void remember() {
        guard = ActiveVersionGuard.remember(registry, active);
        startVersion = guard.startVersion();
    }

    @AfterEach
    void restore() {
        guard.restore();
    }

    @Test
    void aCandidateIsReadProposedApprovedByAnotherPersonAndRolledBack() {
        long candidate = CandidateVersions.registerEvaluated(registry, 1_500);

        openAs("data-scientist-rotterdam");
        WebElement row = versionRow(candidate);
        assertEquals("kandidaat", row.findElement(By.cssSelector("td.status")).getText());
        row.findElement(By.cssSelector("button[data-actie=rapport]")).click();
        browser.waitForText(By.id("rapport-kop"), "Evaluatierapport van versie " + candidate);
        List<WebElement> metrics = browser.driver.findElements(By.cssSelector("#rapport-metrieken tbody tr"));
        assertTrue(metrics.get(0).getText().matches("AUC 0,\\d{3} 0,\\d{3}"), metrics.get(0).getText());
        assertEquals(2, browser.driver.findElements(By.cssSelector("#rapport-kalibratie figure.kalibratie svg")).size(),
                "a reliability plot for the candidate and for the active model");
        assertTrue(browser.driver.findElements(By.cssSelector("#rapport-groepen tbody tr")).size() >= 4, "gender and migration groups");
        assertTrue(browser.driver.findElements(By.cssSelector(".rapport-beleid tbody tr")).size() >= 4,
                "the candidate's policy beside the active one, the actual choices and random");
        assertTrue(!browser.driver.findElements(By.cssSelector("#rapport-blok [data-qini] svg")).isEmpty(), "a Qini curve");
        browser.screenshot("modellen-rapport");

        versionRow(candidate).findElement(By.cssSelector("button[data-actie=voorstellen]")).click();
        browser.visible("handeling-bevestigen").click();
        assertTrue(browser.visible("handeling-reden-fout").getText().startsWith("Geef een reden"), "a proposal needs a reason");
        browser.type("handeling-reden", "better calibrated on the new municipality");
        browser.visible("handeling-bevestigen").click();
        browser.waitForText(By.id("register-melding"), "is voorgesteld");
        String proposal = browser.visible("voorstellen").findElement(By.tagName("tr")).getText();
        assertTrue(proposal.contains("wacht op beheerder") && proposal.contains("better calibrated"), proposal);
        assertTrue(browser.driver.findElements(By.cssSelector("button[data-actie=goedkeuren]")).isEmpty(),
                "a data scientist cannot approve");

        openAs("admin-rotterdam");
        browser.visible("voorstellen").findElement(By.cssSelector("button[data-actie=goedkeuren]")).click();
        browser.type("handeling-reden", "report read, no flags");
        browser.visible("handeling-bevestigen").click();
        browser.waitForText(By.id("register-melding"), "Goedgekeurd");
        assertEquals("actief", versionRow(candidate).findElement(By.cssSelector("td.status")).getText());
        assertEquals("buiten gebruik", versionRow(startVersion).findElement(By.cssSelector("td.status")).getText());
        String promoted = browser.visible("geschiedenis").findElement(By.tagName("tr")).getText();
        assertTrue(promoted.contains("gepromoveerd") && promoted.contains("admin-rotterdam")
                && promoted.contains("voorgesteld door data-scientist-rotterdam") && promoted.contains("report read"), promoted);
        assertEquals(CandidateVersions.distanceOf(registry, candidate), Caller.of("case-system", "GM0599")
                        .post("/api/v1/scores", Map.of("age", 30)).statusCode(200).extract().path("modelVersion"),
                "what the page approved answers the next score");

        versionRow(startVersion).findElement(By.cssSelector("button[data-actie=terugdraaien]")).click();
        browser.type("handeling-reden", "complaints from the team");
        browser.visible("handeling-bevestigen").click();
        browser.waitForText(By.id("register-melding"), "weer actief");
        assertEquals("actief", versionRow(startVersion).findElement(By.cssSelector("td.status")).getText());
        assertTrue(browser.visible("geschiedenis").findElement(By.tagName("tr")).getText().contains("teruggedraaid"));
        browser.screenshot("modellen-register");
    }

    @Test
    void thePageAnswersWhichVersionWasLiveAtAMoment() {
        openAs("data-scientist-rotterdam");
        browser.waitForText(By.id("serveert"), "versie");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('live-op').value = arguments[0]", "2020-01-01T10:00:00");
        browser.visible("live-knop").click();
        assertEquals("Op dat moment was er nog geen modelversie actief.", browser.waitForText(By.id("live-antwoord"), "moment"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "const d = new Date(Date.now() - 1000); d.setMinutes(d.getMinutes() - d.getTimezoneOffset());"
                        + "document.getElementById('live-op').value = d.toISOString().slice(0, 19)");
        browser.visible("live-knop").click();
        assertTrue(browser.waitForText(By.id("live-antwoord"), "was versie").contains("was versie " + registry.pointer().active() + " actief"));
    }

    @Test
    void theShadowComparisonShowsHowAShadowAnsweredLiveIntakes() {
        long shadow = CandidateVersions.registerDifferent(registry, 0.8);
        Caller dataScientist = Caller.of("data-scientist", "GM0599");
        dataScientist.given().contentType("application/json").body(Map.of("version", shadow, "reason", "compare"))
                .put("/api/v1/models/shadow").then().statusCode(200);
        try {
            Caller caseSystem = Caller.of("case-system", "GM0599");
            for (int i = 0; i < 3; i++) {
                caseSystem.post("/api/v1/intakes", nl.trede.Requests.intake()).statusCode(201);
            }
            openAs("data-scientist-rotterdam");
            assertEquals("schaduw", versionRow(shadow).findElement(By.cssSelector("td.status")).getText());
            String summary = browser.waitForText(By.id("schaduw-samenvatting"), "nieuwe intakes");
            assertTrue(summary.matches("(?s)Versie " + shadow + " scoorde \\d+ nieuwe intakes.*Zelfde categorie: \\d+ %.*"), summary);
            assertEquals(4, browser.driver.findElements(By.cssSelector("#schaduw-categorieen tbody tr")).size(), "the 4 x 4 table");
            assertTrue(browser.visible("schaduw-advies").getText().contains("Alle intakes"));
            browser.screenshot("modellen-schaduw");
        } finally {
            Caller.of("admin", "GM0599").given().delete("/api/v1/models/shadow").then().statusCode(204);
        }
    }

    @Test
    void aTrainingRunStartedOnThePageShowsItsLogAndWhyItFailed() {
        openAs("data-scientist-rotterdam");
        browser.visible("run-gemeente").clear();
        browser.type("run-gemeente", "GM0599");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('run-van').value = '2020-01-01'; document.getElementById('run-tot').value = '2020-01-02'");
        browser.visible("run-starten").click();
        String message = browser.waitForText(By.id("run-melding"), "mislukt");
        assertTrue(message.contains("too few records"), "a history of a period without decisions cannot train: " + message);
        assertTrue(!browser.visible("run-log").getText().isBlank(), "the run's log is on the page");
        assertEquals("mislukt", browser.visible("runs").findElement(By.cssSelector("td.status")).getText());
    }

    private WebElement versionRow(long version) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#versies tr[data-versie='" + version + "']")));
    }

    /** Opens the models page signed in as the demo account, signing out whoever an earlier step left signed in. */
    private void openAs(String account) {
        browser.open(base, "/modellen.html");
        browser.wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("demo-account")),
                ExpectedConditions.visibilityOfElementLocated(By.id("afmelden-knop"))));
        if (!browser.driver.findElements(By.id("afmelden-knop")).isEmpty()
                && !browser.driver.findElement(By.id("aangemeld-als")).getText().startsWith(account + " ")) {
            browser.visible("afmelden-knop").click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-account")));
        }
        browser.openSignedIn(base, "/modellen.html", account);
    }
}
