package nl.trede.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static CsvTable read(String text) throws Exception {
        return CsvTable.read(new StringReader(text));
    }

    @Test
    void readsQuotedCommasDoubledQuotesLineBreaksCrlfAndABom() throws Exception {
        CsvTable table = read("\uFEFFcity,note,y\r\n\"Rotterdam, Zuid\",\"said \"\"hi\"\"\",1\r\n\r\nUtrecht,\"two\nlines\",0\r\nZwolle,,1");
        assertEquals(List.of("city", "note", "y"), table.header());
        assertEquals(3, table.size());
        assertEquals("Rotterdam, Zuid", table.cell(0, 0));
        assertEquals("said \"hi\"", table.cell(0, 1));
        assertEquals("two\nlines", table.cell(1, 1));
        assertEquals("", table.cell(2, 1));
        assertEquals("data row 2 (line 4)", table.where(1));
        assertEquals("data row 3 (line 6)", table.where(2));
    }

    @Test
    void rejectsBrokenFilesNamingTheLine() {
        assertTrue(assertThrows(CommandException.class, () -> read("a,b\n1,2\n3\n")).getMessage()
                .contains("data row 2 (line 3) has 1 fields but the header has 2"));
        assertTrue(assertThrows(CommandException.class, () -> read("a,b\n1,\"2\n")).getMessage().contains("line 2"));
        assertTrue(assertThrows(CommandException.class, () -> read("a,b\n1,\"2\"x\n")).getMessage().contains("line 2"));
        assertTrue(assertThrows(CommandException.class, () -> read("a,a\n1,2\n")).getMessage().contains("'a' appears twice"));
        assertTrue(assertThrows(CommandException.class, () -> read("\n\n")).getMessage().contains("empty"));
    }

    @Test
    void encodesTextAsOneHotAndImputesMissingNumbersWithAnIndicator() throws Exception {
        CsvTable table = read("age,city\n30,A\nNA,B\n50,A\n,\n");
        CsvDesign design = CsvDesign.encode(table, List.of(0, 1));
        assertEquals(List.of("age", "age_missing", "city=(missing)", "city=B"), design.names);
        assertArrayEquals(new double[] {30, 0, 0, 0}, design.features[0]);
        assertArrayEquals(new double[] {40, 1, 0, 1}, design.features[1]);
        assertArrayEquals(new double[] {40, 1, 1, 0}, design.features[3]);
    }

    @Test
    void poolsTheRarestLevelsOfAWideTextColumn() throws Exception {
        StringBuilder csv = new StringBuilder("code\n");
        for (int i = 0; i < 100; i++) {
            csv.append("L").append(i % 50).append('\n');
        }
        CsvDesign design = CsvDesign.encode(read(csv.toString()), List.of(0));
        assertEquals(CsvDesign.MAX_LEVELS - 1, design.names.size());
        assertTrue(design.names.contains("code=(other)"));
    }
}
