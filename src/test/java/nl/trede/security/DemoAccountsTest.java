package nl.trede.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoAccountsTest {

    @Test
    void theServiceRefusesToStartWithDemoAccountsUnderTheProductionProfile() {
        assertThrows(IllegalStateException.class, () -> DemoAccounts.refuseInProduction(true, List.of("production")));
        assertDoesNotThrow(() -> DemoAccounts.refuseInProduction(false, List.of("production")));
        assertDoesNotThrow(() -> DemoAccounts.refuseInProduction(true, List.of("prod")));
    }
}
