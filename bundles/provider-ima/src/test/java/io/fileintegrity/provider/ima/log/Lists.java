package io.fileintegrity.provider.ima.log;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Test aid: reads whole lists. */
final class Lists {

    private Lists() {
    }

    static List<ImaEntry> readAll(MeasurementReader reader) throws IOException, MeasurementListException {
        List<ImaEntry> entries = new ArrayList<>();
        try (reader) {
            for (ImaEntry e = reader.next(); e != null; e = reader.next()) {
                entries.add(e);
            }
        }
        return entries;
    }

    static List<ImaEntry> text(byte[] list) throws IOException, MeasurementListException {
        return readAll(new AsciiMeasurementParser(new ByteArrayInputStream(list), "test"));
    }

    static List<ImaEntry> binary(byte[] list) throws IOException, MeasurementListException {
        return readAll(new BinaryMeasurementParser(new ByteArrayInputStream(list), "test"));
    }
}
