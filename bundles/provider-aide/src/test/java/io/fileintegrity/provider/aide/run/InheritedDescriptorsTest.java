package io.fileintegrity.provider.aide.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class InheritedDescriptorsTest {

    @Test
    void onlyTheListedDescriptorsAreAllowed() {
        InheritedDescriptors list = InheritedDescriptors.parse("3,9");
        assertTrue(list.allows(3));
        assertTrue(list.allows(9));
        assertFalse(list.allows(4));
        assertFalse(list.allows(10));
    }

    @Test
    void anEmptyListAllowsNoneAndNoListAllowsAll() {
        assertFalse(InheritedDescriptors.parse("").allows(3));
        assertTrue(InheritedDescriptors.parse(null).allows(3));
    }

    @Test
    void malformedItemsNameNoDescriptor() {
        InheritedDescriptors list = InheritedDescriptors.parse(" 5 ,x,,7");
        assertTrue(list.allows(5));
        assertTrue(list.allows(7));
        assertFalse(list.allows(0));
    }

    @Test
    void anOpenWritableDescriptorTheCallerDidNotPassIsRefused() {
        // descriptor 1 is open and writable in this JVM, but not in the list
        IOException e = assertThrows(IOException.class,
                () -> DescriptorOutput.open(1, InheritedDescriptors.parse("3")));
        assertTrue(e.getMessage().startsWith("couldn't reopen file descriptor 1"), e.getMessage());
    }
}
