package no.trondelag.samhandling.verifier;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.ToLongFunction;

/**
 * Walks a paged source in position order up to a bound, one page in memory at a time.
 *
 * @param <T> the item
 */
public final class PagedIterator<T> implements Iterator<T> {

    /** How many events or links are read at a time. */
    public static final int PAGE_SIZE = 500;

    /**
     * A source of pages.
     *
     * @param <T> the item
     */
    @FunctionalInterface
    interface Pages<T> {
        List<T> after(long position, int limit);
    }

    private final Pages<T> pages;
    private final ToLongFunction<T> positionOf;
    private final long upTo;
    private List<T> page = List.of();
    private int index;
    private long cursor;
    private boolean exhausted;

    PagedIterator(Pages<T> pages, ToLongFunction<T> positionOf, long after, long upTo) {
        this.pages = pages;
        this.positionOf = positionOf;
        this.cursor = after;
        this.upTo = upTo;
    }

    /**
     * The events of a source in a range of positions, a page at a time.
     *
     * @param source the events
     * @param after  only events above this position
     * @param upTo   only events up to this position
     * @return the events in position order
     */
    public static Iterator<StoredEvent> events(EventSource source, long after, long upTo) {
        return new PagedIterator<>(source::after, StoredEvent::position, after, upTo);
    }

    /**
     * The links of a source in a range of positions, a page at a time.
     *
     * @param source the links
     * @param after  only links above this position
     * @param upTo   only links up to this position
     * @return the links in position order
     */
    public static Iterator<ChainLink> links(LinkSource source, long after, long upTo) {
        return new PagedIterator<>(source::after, ChainLink::position, after, upTo);
    }

    @Override
    public boolean hasNext() {
        if (index == page.size() && !exhausted) {
            page = pages.after(cursor, PAGE_SIZE);
            index = 0;
            exhausted = page.size() < PAGE_SIZE;
        }
        return index < page.size() && positionOf.applyAsLong(page.get(index)) <= upTo;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = page.get(index++);
        cursor = positionOf.applyAsLong(item);
        return item;
    }
}
