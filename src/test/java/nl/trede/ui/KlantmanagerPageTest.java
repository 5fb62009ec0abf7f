package nl.trede.ui;

import static nl.trede.Requests.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.Requests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The klantmanager's page in a real browser, driven by keyboard where a klantmanager would. */
@QuarkusTest
class KlantmanagerPageTest extends BrowserTest {

    /** The klantmanager's own id and municipality; remembered by the browser, so folded away after the first time. */
    private void enterOwnDetails() {
        if (browser.driver.findElement(By.id("instellingen-blok")).getAttribute("open") == null) {
            browser.driver.findElement(By.cssSelector("#instellingen-blok summary")).sendKeys(Keys.ENTER);
        }
        browser.type("klantmanagerId", "km-0412");
        browser.type("municipalityCode", "GM0599");
    }

    /** Opens the page, enters the klantmanager's own details and searches a new client: the intake form opens. */
    private String startIntakeForNewClient() {
        String reference = "UI-" + UUID.randomUUID();
        browser.openSignedIn(base, "/klantmanager.html", "klantmanager-rotterdam");
        enterOwnDetails();
        browser.type("clientReference", reference);
        browser.visible("clientReference").sendKeys(Keys.ENTER);
        browser.waitForText(By.id("melding"), "Geen klant met dit kenmerk");
        browser.visible("intake-blok");
        return reference;
    }

    @Test
    void takeAnIntakeReadTheAdviceOverrideWithAReasonAndSeeItOnTheTimeline() {
        String reference = startIntakeForNewClient();
        browser.type("age", "34");
        browser.choose("educationLevel", "MBO_2_4");
        browser.choose("dutchLanguageLevel", "B2");
        browser.type("monthsOnBenefit", "14");
        browser.type("monthsSinceLastJob", "20");
        browser.type("yearsWorkExperience", "6");
        browser.choose("drivingLicence", "true");
        browser.choose("healthLimitation", "NONE");
        browser.choose("careDuties", "false");
        browser.choose("problematicDebts", "false");
        browser.choose("unstableHousing", "false");
        browser.choose("jobSearchSelfEfficacy", "3");
        browser.choose("expectsWork", "true");
        browser.choose("participationRung", "3");
        browser.type("labourMarketTightness", "0,9");
        browser.screenshot("klantmanager-intake");
        browser.type("age", "34\n");

        // The score: category, probability and reasons in Dutch; motivation was left out and is named as missing.
        assertTrue(browser.waitForText(By.id("categorie"), "Categorie").matches("Categorie [1-4]: (klaar voor werk|.* afstand tot werk)"));
        assertTrue(browser.visible("kans").getText().matches("\\d+ %"));
        assertFalse(browser.driver.findElements(By.cssSelector(".redenen li")).isEmpty(), "the main reasons are listed");
        assertTrue(browser.visible("ontbrekend").getText().startsWith("motivatie"));

        // The advice: every estimated effect drawn as a bar with its interval.
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#advies-tabel tbody tr")));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#advies-tabel tbody tr"));
        List<WebElement> bars = browser.driver.findElements(By.cssSelector("#advies-tabel svg[role=img]"));
        assertTrue(bars.size() >= rows.size() - 1 && !bars.isEmpty(), "effect bars with intervals are drawn");
        assertTrue(bars.get(0).getAttribute("aria-label").contains("95 %-interval"));
        String why = rows.get(0).findElement(By.cssSelector("details p")).getAttribute("textContent");
        assertTrue(why.matches("^(Het uitgangspunt|Geleerd van|Verwachting uit onderzoek|Te weinig vergelijkbare).*"),
                "the rationale is in Dutch: " + why);
        assertEquals(List.of(), browser.driver.executeScript("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.labels.length === 0).map(e => e.id || e.name)"), "every field has a label");
        browser.screenshot("klantmanager-advies");

        // Choose an option that is not the advice (nor tied with it): the page asks for a reason, in Dutch.
        WebElement other = rows.stream().skip(1)
                .filter(row -> "false".equals(row.getAttribute("data-tied-with-top")))
                .reduce((first, second) -> second)
                .orElse(rows.get(rows.size() - 1));
        other.findElement(By.cssSelector("input[type=checkbox]")).sendKeys(Keys.SPACE);
        if ("true".equals(other.getAttribute("data-tied-with-top"))) {
            // Everything is tied with the top: choosing two options is still a deviation.
            rows.get(0).findElement(By.cssSelector("input[type=checkbox]")).sendKeys(Keys.SPACE);
        }
        assertTrue(browser.visible("afwijking-tekst").getText().contains("wijkt af van het advies"));
        browser.driver.findElement(By.cssSelector("#besluit button[type=submit]")).sendKeys(Keys.ENTER);
        assertEquals("U wijkt af van het advies. Kies een reden.", browser.visible("reasonCode-fout").getText());

        browser.choose("reasonCode", "CLIENT_PREFERENCE");
        browser.type("note", "Klant wil eerst dit proberen.");
        browser.driver.findElement(By.cssSelector("#besluit button[type=submit]")).sendKeys(Keys.ENTER);
        browser.waitForText(By.id("besluit-melding"), "als afwijking van het advies");

        String decision = browser.waitForText(By.cssSelector("#tijdlijn li[data-type=DECISION]"), "Afwijking van het advies");
        assertTrue(decision.contains("De klant heeft een andere voorkeur") && decision.contains("Klant wil eerst dit proberen."), decision);
        assertTrue(decision.contains("km-0412"));
        assertEquals(1, browser.driver.findElements(By.cssSelector("#tijdlijn li[data-type=INTAKE]")).size());
        browser.screenshot("klantmanager-besluit");

        // The same client is found again by reference, with the decision on the timeline.
        String clientId = given().get(browser.driver.findElement(By.id("uitleg-link")).getAttribute("href")
                .replaceAll(".*intake=([^&]+).*", "/api/v1/intakes/$1")).then().extract().path("clientId");
        given().get("/api/v1/clients/" + clientId).then().statusCode(200)
                .body("timeline.find { it.type == 'DECISION' }.decision.override", org.hamcrest.Matchers.equalTo(true));

        // The browser remembers the klantmanager, folded to one line, and nothing of the client.
        browser.driver.navigate().refresh();
        assertEquals("", browser.visible("clientReference").getAttribute("value"));
        assertEquals("Uw gegevens – km-0412, GM0599 (wijzigen)", browser.visible("instellingen-blok").getText());
        assertFalse(((String) browser.driver.executeScript("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"))
                .contains(reference));
        assertFalse(browser.driver.getCurrentUrl().contains(reference));
    }

    @Test
    void aReassessmentStartsFromThePreviousIntakeAndJoinsTheSameTimeline() {
        Map<String, Object> first = Requests.intake();
        String clientId = given().get("/api/v1/intakes/" + Requests.createIntake(first)).then().extract().path("clientId");
        Requests.post("/api/v1/clients/" + clientId + "/outcomes",
                Map.of("observedOn", java.time.LocalDate.now().toString(), "status", "PARTIAL_WORK", "hoursPerWeek", 16)).statusCode(201);
        browser.openSignedIn(base, "/klantmanager.html", "klantmanager-rotterdam");
        enterOwnDetails();
        browser.type("clientReference", (String) first.get("clientReference") + "\n");
        String found = browser.waitForText(By.id("gevonden-tekst"), "Klant gevonden");
        assertTrue(found.contains(": 1 intake, de laatste op"), found);
        assertTrue(browser.visible("tijdlijn").getText().contains("gedeeltelijk betaald werk, 16 uur per week."), "the outcome is on the timeline");
        browser.visible("herbeoordeling").sendKeys(Keys.ENTER);

        assertEquals("34", browser.visible("age").getAttribute("value"), "the previous intake is filled in");
        assertEquals("0,9", browser.visible("labourMarketTightness").getAttribute("value"));
        browser.type("monthsOnBenefit", "26\n");
        browser.visible("score-blok");
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tijdlijn li[data-type=INTAKE]"), 2));
        assertTrue(browser.driver.findElement(By.id("tijdlijn")).getText().contains("Advies getoond (12 maanden)"));

        browser.driver.findElement(By.cssSelector("input[name=horizon][value='12']")).sendKeys(Keys.ARROW_RIGHT);
        browser.waitForText(By.cssSelector("#advies-tabel thead"), "Verwacht effect na 24 maanden");
        browser.waitForText(By.id("tijdlijn"), "Advies getoond (24 maanden)");
    }

    /**
     * The prior-based effect model always has comparable history and ties whatever overlaps, so the
     * page is fed one advice with a clear tie and one option without an estimate, as a learned
     * model will give them.
     */
    @Test
    void tiesAreShownAsTiesAndMissingHistoryAsSuchNotAsANumber() {
        Map<String, Object> first = Requests.intake();
        Requests.createIntake(first);
        browser.openSignedIn(base, "/klantmanager.html", "klantmanager-rotterdam");
        browser.driver.executeScript("""
                const realFetch = window.fetch;
                window.fetch = async (url, init) => {
                  const response = await realFetch(url, init);
                  if (!String(url).includes('/recommendations')) return response;
                  const advice = await response.json();
                  advice.items.forEach(item => { item.tiedWith = []; });
                  advice.items[0].tiedWith = [advice.items[1].interventionCode];
                  advice.items[1].tiedWith = [advice.items[0].interventionCode];
                  const last = advice.items[advice.items.length - 1];
                  Object.assign(last, { expectedEffect: null, comparableHistory: false, effectSource: 'LEARNED', priorShare: 0 });
                  return new Response(JSON.stringify(advice), { status: 200, headers: { 'Content-Type': 'application/json' } });
                };""");
        enterOwnDetails();
        browser.type("clientReference", (String) first.get("clientReference") + "\n");
        browser.visible("laatste-advies").sendKeys(Keys.ENTER);

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#advies-tabel tbody tr")));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#advies-tabel tbody tr"));
        String second = rows.get(1).findElement(By.cssSelector("label")).getText().replaceFirst("^2\\. ", "");
        assertTrue(browser.visible("gelijkspel").getText().startsWith("Er is geen duidelijke winnaar: " + second));
        assertTrue(rows.get(1).getText().contains("Statistisch gelijk aan nr. 1"));
        WebElement last = rows.get(rows.size() - 1);
        assertTrue(last.getText().contains("Te weinig vergelijkbare klanten in de geschiedenis: geen schatting."), last.getText());
        assertTrue(last.findElements(By.tagName("svg")).isEmpty() && !last.getText().contains("procentpunt"), "no number, no bar");

        // Choosing the option tied with the top follows the advice: no reason is asked.
        rows.get(1).findElement(By.cssSelector("input[type=checkbox]")).sendKeys(Keys.SPACE);
        assertFalse(browser.driver.findElement(By.id("afwijking")).isDisplayed());
        browser.screenshot("klantmanager-gelijkspel");
    }

    /** Issue #14.5: the team lead's allocation proposal stands beside the ranking; following it against the ranking asks for CAPACITY. */
    @Test
    void theProposalAtTheAvailablePlacesIsShownBesideTheAdvice() {
        Map<String, Object> body = Requests.intake();
        String intakeId = Requests.createIntake(body);
        nl.trede.Caller teamLead = nl.trede.Caller.of(nl.trede.security.Roles.TEAM_LEAD, "GM0599");
        // No places at all this period: the proposal is nothing, whatever the ranking says.
        teamLead.given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("budgetEuros", 0, "places", List.of()))
                .put("/api/v1/capacity-plans/GM0599/2029-Q1").then().statusCode(200);
        teamLead.post("/api/v1/allocation-runs", Map.of("municipalityCode", "GM0599", "period", "2029-Q1", "intakeIds", List.of(intakeId)))
                .statusCode(201);
        browser.openSignedIn(base, "/klantmanager.html", "klantmanager-rotterdam");
        enterOwnDetails();
        browser.type("clientReference", (String) body.get("clientReference") + "\n");
        browser.visible("laatste-advies").sendKeys(Keys.ENTER);

        String proposal = browser.visible("voorstel").getText();
        assertTrue(proposal.startsWith("Voorstel bij de beschikbare plaatsen"), proposal);
        assertTrue(proposal.contains("plaatsen en het budget van 2029-Q1") && proposal.contains("geen interventie")
                && proposal.contains("u beslist"), proposal);
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#advies-tabel tbody tr"));
        WebElement none = browser.driver.findElement(By.id("kies-NONE"));
        none.sendKeys(Keys.SPACE);
        boolean nothingFollowsTheRanking = rows.get(0).getAttribute("data-code").equals("NONE")
                || browser.driver.findElement(By.cssSelector("tr[data-code='NONE']")).getAttribute("data-tied-with-top").equals("true");
        assertEquals(!nothingFollowsTheRanking, browser.driver.findElement(By.id("afwijking")).isDisplayed());
        assertEquals(!nothingFollowsTheRanking, proposal.contains("dan wijkt u af van de rangorde"), proposal);
        if (!nothingFollowsTheRanking) {
            assertEquals("CAPACITY", new org.openqa.selenium.support.ui.Select(browser.visible("reasonCode")).getFirstSelectedOption()
                    .getAttribute("value"), "following the proposal against the ranking: for want of places");
        }
        browser.screenshot("klantmanager-voorstel");
    }

    /** Issue #11.7: where the municipality allows it, the klantmanager draws among the ties, sees the draw, and may still deviate with a reason. */
    @Test
    void whereTheMunicipalityAllowsItTheKlantmanagerDrawsAmongTheTiesAndMayStillChooseOtherwise() {
        Requests.as("teamleider-rotterdam").contentType(io.restassured.http.ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/v1/municipalities/GM0599/tie-randomisation").then().statusCode(200);
        Map<String, Object> body = Requests.intake();
        String intakeId = Requests.createIntake(body);
        browser.openSignedIn(base, "/klantmanager.html", "klantmanager-rotterdam");
        enterOwnDetails();
        browser.type("clientReference", (String) body.get("clientReference") + "\n");
        browser.visible("laatste-advies").sendKeys(Keys.ENTER);

        // The test profile's advice has at least three options tied with its top: leave one out of the draw.
        assertEquals("Loten tussen gelijkwaardige opties", browser.visible("loting-kop").getText());
        List<WebElement> taking = browser.driver.findElements(By.cssSelector("input[name=lotDeelnemer]"));
        assertTrue(taking.size() >= 3, "tied options offered: " + taking.size());
        String left = taking.get(1).getAttribute("value");
        taking.get(1).sendKeys(Keys.SPACE);
        browser.visible("loten").sendKeys(Keys.ENTER);

        String result = browser.waitForText(By.id("loting-uitslag"), "Deze keuze is geloot");
        Map<String, Object> drawn = given().get("/api/v1/intakes/" + intakeId + "/draws").then().statusCode(200)
                .extract().path("items[0]");
        String drawnCode = (String) drawn.get("drawnCode");
        String name = browser.driver.findElement(By.cssSelector("label[for=lot-" + drawnCode + "], label[for=kies-" + drawnCode + "]"))
                .getText().replaceFirst("^\\d+\\. ", "");
        int chance = (int) Math.round(100.0 / (taking.size() - 1));
        assertTrue(result.startsWith("Deze keuze is geloot: " + name + ". Geloot uit ")
                && result.contains(", elk met een kans van " + chance + " %.") && result.contains("Niet meegeloot:"), result);
        assertEquals(List.of(left), drawn.get("excluded"));
        assertTrue(browser.driver.findElement(By.id("kies-" + drawnCode)).isSelected(), "the drawn option is ticked");
        assertFalse(browser.driver.findElement(By.id("afwijking")).isDisplayed(), "following the draw follows the advice");
        browser.screenshot("klantmanager-loting");

        // Choosing another tied option deviates from the draw: allowed, with a reason.
        browser.driver.findElement(By.id("kies-" + drawnCode)).sendKeys(Keys.SPACE);
        browser.driver.findElement(By.id("kies-" + left)).sendKeys(Keys.SPACE);
        assertTrue(browser.visible("afwijking-tekst").getText().startsWith("Uw besluit wijkt af van de loting."));
        browser.driver.findElement(By.cssSelector("#besluit button[type=submit]")).sendKeys(Keys.ENTER);
        assertEquals("U wijkt af van het advies. Kies een reden.", browser.visible("reasonCode-fout").getText());
        browser.choose("reasonCode", "CLIENT_PREFERENCE");
        browser.driver.findElement(By.cssSelector("#besluit button[type=submit]")).sendKeys(Keys.ENTER);
        browser.waitForText(By.id("besluit-melding"), "als afwijking van het advies");
        String decision = browser.waitForText(By.cssSelector("#tijdlijn li[data-type=DECISION]"), "Geloot uit");
        assertTrue(decision.contains("Afwijking van het advies") && decision.contains(": " + name + "."), decision);

        // Reloaded, the page shows the draw made from this advice instead of offering a new one.
        browser.driver.navigate().refresh();
        browser.type("clientReference", (String) body.get("clientReference") + "\n");
        browser.visible("laatste-advies").sendKeys(Keys.ENTER);
        browser.waitForText(By.id("loting-uitslag"), "Deze keuze is geloot: " + name);
        assertTrue(browser.driver.findElements(By.id("loten")).isEmpty());
    }

    @Test
    void anInvalidAgeIsExplainedInDutchNextToTheField() {
        startIntakeForNewClient();
        browser.type("age", "12");
        browser.choose("educationLevel", "VMBO");
        browser.driver.findElement(By.id("monthsSinceLastJob-nooit")).sendKeys(Keys.SPACE);
        browser.driver.findElement(By.cssSelector("#intake button[type=submit]")).click();

        assertEquals("Leeftijd moet tussen 18 en 67 jaar liggen.", browser.visible("age-fout").getText());
        assertEquals("true", browser.driver.findElement(By.id("age")).getAttribute("aria-invalid"));
        WebElement summary = browser.driver.findElement(By.cssSelector("#intake .foutenlijst"));
        assertTrue(summary.getText().contains("Controleer dit veld"), summary.getText());
        assertEquals(summary, browser.driver.switchTo().activeElement(), "the summary takes the focus, for screen readers");
        browser.screenshot("klantmanager-validatie");
    }

    /** The page checks what it can before sending; what only the service refuses must read the same, at the same place. */
    @Test
    void theServicesOwnRefusalIsShownInDutchAtTheField() {
        startIntakeForNewClient();
        // Passes the page's own check, then is changed on the way out, as a stale or buggy client might.
        browser.driver.executeScript("""
                const realFetch = window.fetch;
                window.fetch = (url, init) => String(url).endsWith('/intakes') && init?.method === 'POST'
                  ? realFetch(url, { ...init, body: JSON.stringify({ ...JSON.parse(init.body), age: 12, motivation: 9, monthsOnBenefit: 'veel' }) })
                  : realFetch(url, init);""");
        browser.type("age", "34");
        browser.driver.findElement(By.id("monthsSinceLastJob-nooit")).sendKeys(Keys.SPACE);
        browser.driver.findElement(By.cssSelector("#intake button[type=submit]")).sendKeys(Keys.ENTER);

        assertEquals("Leeftijd moet tussen 18 en 67 jaar liggen.", browser.visible("age-fout").getText());
        assertEquals("Motivatie moet tussen 1 en 5 liggen.", browser.visible("motivation-fout").getText());
        // Chosen by the problem code wrong_type, and listed beside the others rather than hiding them.
        assertEquals("Duur in de bijstand: deze soort waarde past hier niet.", browser.visible("monthsOnBenefit-fout").getText());
        assertEquals("Niet alles is goed ingevuld. Kijk bij de velden met een melding.", browser.visible("melding").getText());
        assertTrue(browser.driver.findElement(By.id("score-blok")).getAttribute("hidden") != null, "no score for a refused intake");
    }
}
