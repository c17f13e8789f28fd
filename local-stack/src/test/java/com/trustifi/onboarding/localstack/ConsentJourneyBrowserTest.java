package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.simulator.AppConsent;
import com.trustifi.onboarding.simulator.DirectoryUser;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer's administrator follows a partner's connect link in a real browser (headless Chromium) over the whole
 * local stack: the simulator's sign-in page, its admin-consent page, and the API's result page, which refreshes until
 * the worker's check of the app's access answers. And the refusals a person can meet on the way.
 */
class ConsentJourneyBrowserTest {

    private static LocalStack stack;
    private static PartnerPortal partner;
    private ChromeDriver browser;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(ProjectLayout.find(), Files.createTempDirectory("browser-local-stack"));
        partner = PartnerPortal.signUp(stack, "Fabrikam Security");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = DebianChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAdministratorSignsInAcceptsAndSeesTheTenantConnectedAndReady() {
        SimulatedTenant tenant = newCustomer("Northwind");

        signIn(link(tenant), tenant.administrator());
        waitFor(By.id("accept")).click();

        assertThat(waitFor(By.id("title")).getText()).isEqualTo("Tenant connected");
        assertThat(browser.findElement(By.id("partner")).getText()).startsWith("Fabrikam Security");
        assertThat(browser.findElement(By.id("tenant")).getText()).isEqualTo(tenant.tenantId());
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.id("check-status"), "READY"));
        assertThat(tenant.appConsent()).isEqualTo(AppConsent.GRANTED);
        assertThat(partner.check(tenant.tenantId()).getString("status")).isEqualTo("READY");
    }

    @Test
    void aTenantWhoseAppLacksTheExchangeRoleIsConnectedAndToldWhatToDo() {
        SimulatedTenant tenant = newCustomer("Litware");
        tenant.exchangeRoleAssigned(false);

        signIn(link(tenant), tenant.administrator());
        waitFor(By.id("accept")).click();

        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.id("check-status"), "ACTION_NEEDED"));
        assertThat(browser.findElement(By.id("remedy")).getText()).contains("Exchange Administrator").contains("check the connection again");
    }

    @Test
    void aCancelledSignInShowsThatNothingWasConnected() {
        SimulatedTenant tenant = newCustomer("Adatum");

        browser.get(link(tenant).toString());
        waitFor(By.id("cancel")).click();

        assertThat(waitFor(By.id("title")).getText()).isEqualTo("Consent was not granted");
        assertThat(browser.findElement(By.id("reason")).getText()).contains("AADSTS65004");
        assertThat(browser.getPageSource()).contains("No tenant was connected");
        assertThat(connected()).doesNotContain(tenant.tenantId());
    }

    @Test
    void aUserWithoutAnAdministratorRoleIsToldWhichRoleIsNeeded() {
        SimulatedTenant tenant = newCustomer("Tailspin");
        String user = stack.simulator().addUser(tenant.tenantId(),
                new DirectoryUser("pat@" + tenant.initialDomain(), DirectoryUser.DEFAULT_PASSWORD, null, List.of())).userPrincipalName();

        signIn(link(tenant), user);

        assertThat(waitFor(By.id("title")).getText()).isEqualTo("An administrator role is needed");
        assertThat(browser.findElement(By.id("reason")).getText()).contains("Global Administrator", "Privileged Role Administrator");
        assertThat(connected()).doesNotContain(tenant.tenantId());
    }

    @Test
    void anAdministratorOfAnotherTenantIsRefusedOnALinkMadeForThisOne() {
        SimulatedTenant tenant = newCustomer("Woodgrove");
        SimulatedTenant other = newCustomer("Proseware");

        signIn(link(tenant), other.administrator());

        assertThat(waitFor(By.id("title")).getText()).isEqualTo("Consent was not granted");
        assertThat(browser.findElement(By.id("reason")).getText()).contains("AADSTS50020");
        assertThat(connected()).doesNotContain(tenant.tenantId(), other.tenantId());
    }

    private void signIn(URI link, String userPrincipalName) {
        browser.get(link.toString());
        waitFor(By.id("login")).sendKeys(userPrincipalName);
        browser.findElement(By.id("passwd")).sendKeys(DirectoryUser.DEFAULT_PASSWORD);
        browser.findElement(By.id("signin")).click();
    }

    private org.openqa.selenium.WebElement waitFor(By element) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    private static URI link(SimulatedTenant tenant) {
        return URI.create(partner.request().body(Map.of("tenantId", tenant.tenantId())).post("/v1/tenant-connections")
                .then().statusCode(201).extract().path("consentUrl"));
    }

    private static List<String> connected() {
        return partner.request().get("/v1/tenant-connections").then().statusCode(200).extract().path("tenantId");
    }

    private static SimulatedTenant newCustomer(String name) {
        String id = UUID.randomUUID().toString();
        String label = name.toLowerCase() + id.substring(0, 8);
        SimulatedTenant tenant = stack.simulator().createTenant(new TenantSpec(id, label + ".onmicrosoft.com", name,
                OffsetDateTime.parse("2021-03-04T10:00:00Z"), List.of(DomainSpec.verifiedEmailDomain(label + ".example", true))));
        tenant.appConsent(AppConsent.NEVER_GRANTED);
        return tenant;
    }
}
