package nl.trede.ui;

import static nl.trede.Requests.intake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.trede.Caller;
import nl.trede.security.Roles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The team lead's page: places and budget set, an allocation run, and everything it reports, by keyboard. */
@QuarkusTest
class TeamLeadPageTest extends BrowserTest {

    /** Used by no other test, so the open caseload is exactly what this test made. */
    private static final String MUNICIPALITY = "GM0989";

    @Test
    void aTeamLeadSetsPlacesAndBudgetRunsAnAllocationAndSeesCurvePricesFairnessAndProposals() {
        Caller klantmanager = Caller.klantmanagerOf(MUNICIPALITY);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = intake();
            body.put("age", 25 + 6 * i);
            body.put("monthsOnBenefit", 4 + 9 * i);
            String intakeId = klantmanager.createIntake(body);
            clients.add(klantmanager.given().get("/api/v1/intakes/" + intakeId).then().extract().path("clientId"));
        }
        for (int i = 0; i < 4; i++) {
            Caller.of(Roles.CASE_SYSTEM, MUNICIPALITY).given().contentType(ContentType.JSON)
                    .body(Map.of("gender", i % 2 == 0 ? "FEMALE" : "MALE"))
                    .put("/api/v1/clients/" + clients.get(i) + "/fairness-attributes").then().statusCode(204);
        }
        browser.openWithSession(base, "/plaatsen.html", Caller.of(Roles.TEAM_LEAD, MUNICIPALITY));
        browser.type("municipalityCode", MUNICIPALITY);
        browser.type("period", "2028-Q3");
        WebElement fetch = browser.visible("ophalen");
        fetch.sendKeys(Keys.SPACE);
        browser.waitForText(By.id("melding"), "nog geen plan");
        browser.type("plaatsen-JOB_COACHING", "2");
        browser.type("kosten-JOB_COACHING", "2500");
        browser.type("plaatsen-WAGE_SUBSIDY", "1");
        browser.type("budgetEuros", "12000");
        browser.visible("budgetEuros").sendKeys(Keys.ENTER);
        browser.waitForText(By.id("melding"), "opgeslagen (versie 1)");

        browser.choose("attribute", "GENDER");
        browser.visible("minimumRatio").sendKeys(Keys.ENTER);
        browser.waitForText(By.id("melding"), "Verdeling van 2028-Q3 gemaakt over 6 klanten");
        assertTrue(browser.visible("samenvatting").getText().startsWith("Naar verwachting"), browser.visible("samenvatting").getText());
        assertEquals(8, browser.driver.findElements(By.cssSelector("#budget-grafiek svg rect")).size(), "one bar per budget of the curve");
        List<WebElement> prices = browser.driver.findElements(By.cssSelector("#prijzen-tabel tbody tr"));
        assertEquals(3, prices.size(), "two interventions' places and the budget");
        assertTrue(prices.get(0).getText().startsWith("Plaatsen begeleiding") || prices.get(0).getText().startsWith("Plaatsen"), prices.get(0).getText());
        assertTrue(prices.get(2).getText().startsWith("Budget € 12.000"), prices.get(2).getText());
        List<WebElement> fairness = browser.driver.findElements(By.cssSelector("#eerlijk-tabel tbody tr"));
        assertEquals(2, fairness.size(), "one row per recorded gender");
        assertTrue(fairness.get(0).getText().startsWith("geslacht: vrouw 50 %"), fairness.get(0).getText());
        assertTrue(browser.visible("vergelijking").getText().contains("Nog niet te zeggen"), browser.visible("vergelijking").getText());
        assertEquals(6, browser.driver.findElements(By.cssSelector("#voorstel-tabel tbody tr")).size(), "one proposal per client");
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("opbrengst-kop"), "tabindex", "-1"));
        browser.screenshot("plaatsen");

        browser.type("period", "2028-Q4");
        browser.visible("minimumRatio").sendKeys(Keys.ENTER);
        browser.waitForText(By.id("melding"), "Er is nog geen plan voor 2028-Q4");
    }
}
