package nl.trede.ui;

import static nl.trede.Requests.given;
import static nl.trede.Requests.createIntake;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import nl.trede.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The landing page and the pages for data scientists and team leads draw their pictures. */
@QuarkusTest
class DataSciencePagesTest extends BrowserTest {

    /** Used by no other test, so the override counts are exactly what this test made. */
    private static final String MUNICIPALITY = "GM0998";


    @Test
    void theLandingPageLinksEveryPageAndTheApiDescription() {
        browser.open(base, "/");
        assertEquals("Trede", browser.visible("inhoud").findElement(By.tagName("h1")).getText());
        for (String href : List.of("/klantmanager.html", "/modellen.html", "/afwijkingen.html", "/plaatsen.html", "/api/v1/openapi.json")) {
            assertTrue(!browser.driver.findElements(By.cssSelector("main a[href='" + href + "']")).isEmpty(), href);
        }
        browser.screenshot("start");
        given().get("/klantmanager.html").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'self'"));
    }

    @Test
    void theModelsPageDrawsCalibrationSubgroupsAndEffectCurves() {
        browser.openSignedIn(base, "/modellen.html", "data-scientist-rotterdam");
        browser.waitForText(By.id("kaarten"), "distance-1.0.0 (actief)");
        WebElement active = browser.driver.findElement(By.cssSelector("section[aria-labelledby='kaart-distance-1.0.0']"));
        assertTrue(active.getText().contains("Afstandsmodel · kaart klopt met het register"));
        assertEquals(10, active.findElements(By.cssSelector("figure.kalibratie svg circle")).size(), "one dot per calibration bin");
        List<WebElement> subgroups = active.findElements(By.cssSelector("table.subgroepen tbody tr"));
        assertEquals(4, subgroups.size());
        assertTrue(subgroups.get(0).getText().startsWith("geslacht vrouw"), subgroups.get(0).getText());
        List<WebElement> candidates = active.findElements(By.cssSelector("table.kandidaten tbody tr"));
        assertEquals(3, candidates.size());
        assertTrue(candidates.get(0).getText().matches("logistic-regression 0,817 0,160 ja"), candidates.get(0).getText());
        assertTrue(browser.visible("evaluaties").getText().contains("effects-test-1.evaluation.json"));

        int interventions = given().get("/api/v1/interventions").then().extract().path("items.size()");
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#effecten figure svg[role=img]"), interventions - 1));
        assertTrue(browser.visible("effecten-bron").getText().contains("indicatieve aannames"), "the page says where the numbers come from");

        WebElement effects = browser.driver.findElement(By.cssSelector("section[aria-labelledby='kaart-effects-1.1.0']"));
        List<WebElement> averages = effects.findElements(By.cssSelector("table tbody tr"));
        assertEquals(2 * (interventions - 1), averages.size(), "one row per intervention and horizon");
        assertTrue(averages.get(0).getText().startsWith("sollicitatietraining en bemiddeling 12 mnd +2,3"), averages.get(0).getText());
        assertTrue(effects.getText().contains("Wat het advies oplevert"), "the policy value against the oracle is drawn");
        List<String> sources = browser.driver.findElements(By.cssSelector("#effecten figure p")).stream().map(WebElement::getText).toList();
        assertEquals(interventions - 1, sources.stream().filter(t -> t.contains("geleerd (effects-1.1.0)")).count(), sources.toString());
        assertTrue(browser.visible("effecten-bron").getText().contains("effects-1.1.0"));
        browser.screenshot("modellen");
    }

    @Test
    void theOverridesPageDrawsRatesOverTimeAndByReason() {
        Caller klantmanager = Caller.klantmanagerOf(MUNICIPALITY);
        for (boolean deviate : List.of(true, false, false)) {
            String intakeId = klantmanager.createIntake(intake());
            List<String> ranked = klantmanager.given().get("/api/v1/intakes/" + intakeId + "/recommendations").then()
                    .extract().path("items.interventionCode");
            klantmanager.post("/api/v1/intakes/" + intakeId + "/decisions", deviate
                    ? Map.of("interventionCodes", ranked.subList(0, 2), "klantmanagerId", "km-1", "reasonCode", "CAPACITY")
                    : Map.of("interventionCodes", ranked.subList(0, 1), "klantmanagerId", "km-1"))
                    .statusCode(201);
        }
        browser.openWithSession(base, "/afwijkingen.html", klantmanager);
        browser.type("municipalityCode", MUNICIPALITY);
        browser.visible("municipalityCode").sendKeys(Keys.ENTER);
        assertTrue(browser.waitForText(By.id("totaal"), "besluiten").contains("1 van 3 besluiten weken af van het advies (33 %)"));
        assertEquals(1, browser.driver.findElements(By.cssSelector("#tijd-grafiek svg circle")).size(), "one month, one point");
        String reasons = browser.visible("reden-grafiek").getText();
        assertTrue(reasons.contains("Geen plek, budget of aanbieder beschikbaar") && reasons.contains("1 (100 %)"), reasons);
        String perAdvice = browser.visible("advies-tabel").getText();
        assertTrue(perAdvice.contains("Eerste advies") && perAdvice.matches("(?s).*[a-z].* 3 1 33 %.*"), perAdvice);
        String afterwards = browser.visible("daarna-tabel").getText();
        assertTrue(afterwards.contains("Advies gevolgd 2 0 –") && afterwards.contains("Afgeweken van het advies 1 0 –"), afterwards);
        assertTrue(browser.visible("daarna-kop").findElement(By.xpath("..")).getText().contains("niet oorzakelijk"));
        browser.screenshot("afwijkingen");

        browser.type("municipalityCode", "GM12");
        browser.visible("municipalityCode").sendKeys(Keys.ENTER);
        assertEquals("Vul een gemeentecode in zoals GM0599: GM en vier cijfers.", browser.visible("municipalityCode-fout").getText());
    }
}
