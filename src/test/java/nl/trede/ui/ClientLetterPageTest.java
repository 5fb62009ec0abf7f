package nl.trede.ui;

import static nl.trede.Requests.given;
import static nl.trede.Requests.createIntake;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The printable explanation for the client: the advice, the reasons, a person decided, reconsideration, the data used. */
@QuarkusTest
class ClientLetterPageTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theLetterExplainsTheDecisionInPlainDutch() {
        Map<String, Object> body = intake();
        body.remove("motivation");
        String intakeId = createIntake(body);
        String recommendationId = given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().extract().path("id");
        int category = given().get("/api/v1/intakes/" + intakeId).then().extract().path("score.category");
        String decisionId = post("/api/v1/intakes/" + intakeId + "/decisions", Map.of(
                "interventionCodes", List.of("JOB_SEARCH_ASSISTANCE"), "klantmanagerId", "km-0412",
                "adjustedCategory", category == 4 ? 3 : category + 1, "reasonCode", "PROFESSIONAL_JUDGEMENT",
                "recommendationId", recommendationId))
                .statusCode(201).extract().path("id");

        try (Browser browser = new Browser()) {
            browser.openSignedIn(base, "/client-uitleg.html?intake=" + intakeId + "&besluit=" + decisionId, "klantmanager-rotterdam");
            browser.visible("brief");
            assertEquals("Uitleg over uw advies", browser.driver.findElement(By.tagName("h1")).getText());
            assertEquals("sollicitatietraining en bemiddeling", browser.visible("besluit").getText());
            String letter = browser.visible("brief").getText();
            assertTrue(letter.contains("Het computerprogramma Trede gaf als advies:"), letter);
            assertTrue(letter.contains("uw klantmanager schat uw situatie anders in"), "the reason, worded for the client");
            assertTrue(letter.contains("Een mens beslist: uw klantmanager."));
            assertTrue(browser.visible("heroverweging").getText().contains("om het besluit opnieuw te bekijken (heroverweging)"));
            assertTrue(letter.contains("Leeftijd: 34 jaar") && letter.contains("Hoogste afgeronde opleiding: mbo 2, 3 of 4"),
                    "the data used, in words");
            assertTrue(letter.contains("Deze gegevens wisten we niet. Ze zijn niet gebruikt:\nMotivatie"), "the missing field");
            assertTrue(letter.contains("Wij gebruiken nooit uw geslacht, nationaliteit, geboorteland, afkomst of geloof"));
            browser.screenshot("client-uitleg");

            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertFalse(browser.driver.findElement(By.id("afdrukken")).isDisplayed(), "no buttons on paper");
            assertFalse(browser.driver.findElement(By.cssSelector("header.kop")).isDisplayed(), "no menu on paper");
            assertTrue(browser.visible("heroverweging").isDisplayed());
            browser.screenshot("client-uitleg-afdruk");
        }
    }

    @Test
    void anUnknownIntakeSaysSoInDutch() {
        try (Browser browser = new Browser()) {
            browser.openSignedIn(base, "/client-uitleg.html?intake=00000000-0000-0000-0000-000000000000", "klantmanager-rotterdam");
            assertTrue(browser.waitForText(By.id("melding"), "niet gevonden").startsWith("Deze intake is niet gevonden."));
        }
    }
}
