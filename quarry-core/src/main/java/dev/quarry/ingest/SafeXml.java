package dev.quarry.ingest;

import javax.xml.stream.XMLInputFactory;

/**
 * XML readers for untrusted input: no DTDs and no external entities, so that a file cannot make Quarry read other
 * files or expand entities without bound.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** Returns a new factory that replaces the predefined entities and joins adjacent text. */
    public static XMLInputFactory newFactory(boolean namespaceAware) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
        return f;
    }
}
