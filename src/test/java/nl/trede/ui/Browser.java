package nl.trede.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests: Debian's chromium and chromium-driver (installed by
 * .ci/run), paths set explicitly so Selenium Manager never tries to download anything, a fresh
 * profile per browser, and full-page screenshots in target/screenshots.
 */
final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int WIDTH = 1366;
    private static final int HEIGHT = 900;

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    Browser() {
        String driverPath = System.getProperty("trede.chromedriver", "/usr/bin/chromedriver");
        String browserPath = System.getProperty("trede.chromium", "/usr/bin/chromium");
        boolean installed = Files.isExecutable(Path.of(driverPath)) && Files.isExecutable(Path.of(browserPath));
        // A newcomer without Chromium sees these tests skipped, with the reason; CI must run them.
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "Browser tests skipped: install Debian's chromium and chromium-driver to run them");
        }
        try {
            profile = Files.createTempDirectory("trede-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", driverPath);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserPath);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=nl-NL", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(java.net.URL base, String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    /** Opens a page with a test caller's session, for a municipality no demo account serves. */
    void openWithSession(java.net.URL base, String path, nl.trede.Caller caller) {
        open(base, path);
        ((JavascriptExecutor) driver).executeScript("sessionStorage.setItem('trede.sessie', arguments[0])", caller.browserSession());
        driver.navigate().refresh();
        waitForText(By.id("aangemeld-als"), caller.account());
    }

    /** Opens a page signed in as a demo account, through the page's own sign-in line. */
    void openSignedIn(java.net.URL base, String path, String account) {
        open(base, path);
        if (driver.findElements(By.id("afmelden-knop")).isEmpty()) {
            choose("demo-account", account);
            visible("aanmelden-knop").click();
        }
        waitForText(By.id("aangemeld-als"), account);
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void type(String id, String text) {
        WebElement input = visible(id);
        input.clear();
        input.sendKeys(text);
    }

    void choose(String id, String value) {
        new Select(visible(id)).selectByValue(value);
    }

    /** Waits until the element's text contains the given text, and returns the text. */
    String waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator).getText();
    }

    /** A screenshot of the whole page, not only the window: the window is stretched for it. */
    void screenshot(String name) {
        // The window's height includes the browser's own bar, even headless: add it to the page's height.
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return Math.max(document.body.scrollHeight, "
                + "document.documentElement.scrollHeight) + window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height, HEIGHT), 8000)));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // A leftover temp profile is harmless.
            }
        }
    }
}
