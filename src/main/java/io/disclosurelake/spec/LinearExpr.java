package io.disclosurelake.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A signed sum of template cells, e.g. （七）总计 − 尚未审结. Sum rules compare two of them and rates divide
 * one by another; the same expression is evaluated in Java over a {@code model.Report} and
 * rendered as Spark SQL over the {@code cells} table, so both sides read one definition.
 */
public record LinearExpr(List<Term> terms) {
    public record Term(CellRef ref, int sign) {}

    public LinearExpr {
        terms = Collections.unmodifiableList(new ArrayList<>(terms));
    }

    public static LinearExpr of(CellRef... refs) {
        List<Term> t = new ArrayList<>();
        for (CellRef r : refs) t.add(new Term(r, 1));
        return new LinearExpr(t);
    }

    public static LinearExpr sum(List<CellRef> refs) {
        return new LinearExpr(refs.stream().map(r -> new Term(r, 1)).toList());
    }

    public LinearExpr plus(LinearExpr other) {
        List<Term> t = new ArrayList<>(terms);
        t.addAll(other.terms);
        return new LinearExpr(t);
    }

    public LinearExpr minus(LinearExpr other) {
        List<Term> t = new ArrayList<>(terms);
        for (Term o : other.terms) t.add(new Term(o.ref(), -o.sign()));
        return new LinearExpr(t);
    }

    public List<CellRef> refs() { return terms.stream().map(Term::ref).toList(); }
}
