/*
 * Small but mechanical checker: compares every public/protected declaration of the KNIME API subset with
 * the declaration of the same name in local copies of KNIME's sources. Both sides are parsed (not compiled) with the
 * JDK's own javac parser, so nothing but a JDK 17 is needed and nothing is downloaded.
 *
 * Usage: java CheckSignatures.java <subset src/main/java> <knime-core checkout> <knime-shared checkout>
 *        [--markdown | --list]
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;

public class CheckSignatures {

    /** Where each bundle keeps its sources inside its repository checkout. */
    static final String CORE_SRC = "org.knime.core/src/eclipse";

    static final String SHARED_SRC = "org.knime.core.util/src/main/java";

    static final Set<Modifier> RELEVANT = Set.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE,
        Modifier.STATIC, Modifier.FINAL, Modifier.ABSTRACT, Modifier.DEFAULT);

    static final JavaCompiler JC = ToolProvider.getSystemJavaCompiler();

    static final StandardJavaFileManager FM = JC.getStandardFileManager(null, null, StandardCharsets.UTF_8);

    static boolean LIST;

    int types, members, mismatches;

    final List<String> infos = new ArrayList<>();

    final List<String> rows = new ArrayList<>();

    /** A parsed file with what is needed to resolve simple type names to qualified ones. */
    static final class Src {
        final Path root;
        final Path file;
        final String pkg;
        final CompilationUnitTree cu;
        final SourcePositions pos;
        final String text;
        final Map<String, String> imports = new LinkedHashMap<>();
        final Set<String> declared = new LinkedHashSet<>(); // qualified names of types declared in this file
        final List<Path> roots; // all source roots that may hold the same package (split packages)

        Src(final Path root, final Path file, final List<Path> roots) throws IOException {
            this.root = root;
            this.file = file;
            this.roots = roots;
            text = Files.readString(file);
            final JavacTask task = (JavacTask)JC.getTask(null, FM, d -> { }, List.of("-proc:none"), null,
                FM.getJavaFileObjects(file.toFile()));
            cu = task.parse().iterator().next();
            pos = Trees.instance(task).getSourcePositions();
            pkg = cu.getPackageName() == null ? "" : cu.getPackageName().toString();
            for (ImportTree it : cu.getImports()) {
                final String q = it.getQualifiedIdentifier().toString();
                if (!it.isStatic() && !q.endsWith(".*")) {
                    imports.put(q.substring(q.lastIndexOf('.') + 1), q);
                }
            }
            for (Tree t : cu.getTypeDecls()) {
                if (t instanceof ClassTree) {
                    collect((ClassTree)t, pkg);
                }
            }
        }

        void collect(final ClassTree ct, final String outer) {
            final String q = outer + "." + ct.getSimpleName();
            declared.add(q);
            for (Tree m : ct.getMembers()) {
                if (m instanceof ClassTree) {
                    collect((ClassTree)m, q);
                }
            }
        }

        String src(final Tree t) {
            return text.substring((int)pos.getStartPosition(cu, t), (int)pos.getEndPosition(cu, t));
        }

        /** Resolves a simple name; unresolvable names (wildcard imports) are returned as "?.Name". */
        String resolve(final String simple, final Set<String> typeVars) {
            if (typeVars.contains(simple)) {
                return "<" + simple + ">";
            }
            for (String d : declared) {
                if (d.endsWith("." + simple)) {
                    return d;
                }
            }
            if (imports.containsKey(simple)) {
                return imports.get(simple);
            }
            for (Path r : roots) {
                if (Files.exists(r.resolve(pkg.replace('.', '/')).resolve(simple + ".java"))) {
                    return pkg + "." + simple;
                }
            }
            try {
                Class.forName("java.lang." + simple);
                return "java.lang." + simple;
            } catch (ClassNotFoundException e) {
                return "?." + simple;
            }
        }

        String type(final Tree t, final Set<String> tv) {
            if (t == null) {
                return "void";
            }
            switch (t.getKind()) {
                case PRIMITIVE_TYPE:
                    return ((PrimitiveTypeTree)t).getPrimitiveTypeKind().name().toLowerCase();
                case IDENTIFIER:
                    return resolve(((IdentifierTree)t).getName().toString(), tv);
                case MEMBER_SELECT: {
                    final MemberSelectTree ms = (MemberSelectTree)t;
                    final String head = type(ms.getExpression(), tv);
                    if (head.startsWith("?.")) {
                        // a.b.C written fully qualified: take it literally
                        return ms.toString();
                    }
                    return head + "." + ms.getIdentifier();
                }
                case ARRAY_TYPE:
                    return type(((ArrayTypeTree)t).getType(), tv) + "[]";
                case PARAMETERIZED_TYPE: {
                    final ParameterizedTypeTree p = (ParameterizedTypeTree)t;
                    return type(p.getType(), tv) + p.getTypeArguments().stream().map(a -> type(a, tv))
                        .collect(Collectors.joining(",", "<", ">"));
                }
                case UNBOUNDED_WILDCARD:
                    return "?";
                case EXTENDS_WILDCARD:
                    return "? extends " + type(((WildcardTree)t).getBound(), tv);
                case SUPER_WILDCARD:
                    return "? super " + type(((WildcardTree)t).getBound(), tv);
                case ANNOTATED_TYPE:
                    return type(((AnnotatedTypeTree)t).getUnderlyingType(), tv);
                default:
                    return t.toString();
            }
        }

        String typeParams(final List<? extends TypeParameterTree> tps, final Set<String> tv) {
            if (tps.isEmpty()) {
                return "";
            }
            return tps.stream().map(tp -> tp.getName() + (tp.getBounds().isEmpty() ? ""
                : " extends " + tp.getBounds().stream().map(b -> type(b, tv)).collect(Collectors.joining(" & "))))
                .collect(Collectors.joining(", ", "<", ">"));
        }
    }

    /** Compares two qualified names; a name hidden behind a wildcard import matches by simple name only. */
    static boolean sameType(final String a, final String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.contains("?.") || b.contains("?.")) {
            return a.replaceAll("[\\w$]+\\.(?=[\\w$]+)", "").replace("?", "")
                .equals(b.replaceAll("[\\w$]+\\.(?=[\\w$]+)", "").replace("?", ""));
        }
        return false;
    }

    static Set<String> mods(final Set<Modifier> raw, final boolean inInterface, final Tree member) {
        final Set<Modifier> m = new TreeSet<>(raw);
        if (inInterface) {
            if (member instanceof MethodTree) {
                if (!m.contains(Modifier.PRIVATE)) {
                    m.add(Modifier.PUBLIC);
                }
                if (((MethodTree)member).getBody() == null) {
                    m.add(Modifier.ABSTRACT);
                }
            } else if (member instanceof VariableTree) {
                m.addAll(List.of(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL));
            } else if (member instanceof ClassTree) {
                m.addAll(List.of(Modifier.PUBLIC, Modifier.STATIC));
            }
        }
        if (member instanceof ClassTree) {
            final Tree.Kind k = member.getKind();
            if (k == Tree.Kind.INTERFACE) {
                m.add(Modifier.ABSTRACT);
            }
            if (k == Tree.Kind.INTERFACE || k == Tree.Kind.ENUM || k == Tree.Kind.RECORD) {
                m.add(Modifier.STATIC); // implicit for member types; harmless on top level types (both sides alike)
            }
        }
        m.retainAll(RELEVANT);
        return m.stream().map(Modifier::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean isApi(final Set<String> m) {
        return m.contains("public") || m.contains("protected");
    }

    static boolean isInterface(final ClassTree ct) {
        return ct.getKind() == Tree.Kind.INTERFACE || ct.getKind() == Tree.Kind.ANNOTATION_TYPE;
    }

    static Set<String> typeVars(final ClassTree ct, final Set<String> outer) {
        final Set<String> tv = new LinkedHashSet<>(outer);
        ct.getTypeParameters().forEach(tp -> tv.add(tp.getName().toString()));
        return tv;
    }

    /** One member, reduced to what must be equal between subset and KNIME. */
    static final class Member {
        String key; // name(param types) or field name
        String kind;
        String ret;
        String typeParams;
        Set<String> mods;
        Set<String> thrown;
        String display;
        boolean abstractMember;
    }

    static Member member(final Src s, final Tree t, final ClassTree owner, final Set<String> classTv) {
        final boolean inIf = isInterface(owner);
        final Member m = new Member();
        if (t instanceof MethodTree) {
            final MethodTree mt = (MethodTree)t;
            final Set<String> tv = new LinkedHashSet<>(classTv);
            mt.getTypeParameters().forEach(tp -> tv.add(tp.getName().toString()));
            final boolean ctor = "<init>".equals(mt.getName().toString());
            m.kind = ctor ? "constructor" : "method";
            final List<String> params = new ArrayList<>();
            for (VariableTree p : mt.getParameters()) {
                String pt = s.type(p.getType(), tv);
                if (s.src(p).contains("...")) {
                    pt = pt.substring(0, pt.length() - 2) + "...";
                }
                params.add(pt);
            }
            m.key = (ctor ? "<init>" : mt.getName().toString()) + "(" + String.join(", ", params) + ")";
            m.ret = ctor ? "" : s.type(mt.getReturnType(), tv);
            m.typeParams = s.typeParams(mt.getTypeParameters(), tv);
            m.mods = mods(mt.getModifiers().getFlags(), inIf, t);
            m.thrown = mt.getThrows().stream().map(x -> s.type(x, tv)).collect(Collectors.toCollection(TreeSet::new));
            m.abstractMember = m.mods.contains("abstract");
        } else {
            final VariableTree vt = (VariableTree)t;
            m.kind = "field";
            m.key = vt.getName().toString();
            m.ret = s.type(vt.getType(), classTv);
            m.typeParams = "";
            m.mods = mods(vt.getModifiers().getFlags(), inIf, t);
            m.thrown = Set.of();
        }
        m.display = String.join(" ", m.mods) + " " + (m.typeParams.isEmpty() ? "" : m.typeParams + " ") + m.ret
            + " " + m.key + (m.thrown.isEmpty() ? "" : " throws " + String.join(", ", m.thrown));
        return m;
    }

    static boolean sameKey(final String a, final String b) {
        if (a.equals(b)) {
            return true;
        }
        final int ia = a.indexOf('('), ib = b.indexOf('(');
        if (ia < 0 || ib < 0 || !a.substring(0, ia).equals(b.substring(0, ib))) {
            return false;
        }
        final String[] pa = splitParams(a.substring(ia + 1, a.length() - 1));
        final String[] pb = splitParams(b.substring(ib + 1, b.length() - 1));
        if (pa.length != pb.length) {
            return false;
        }
        for (int i = 0; i < pa.length; i++) {
            if (!sameType(pa[i], pb[i])) {
                return false;
            }
        }
        return true;
    }

    static String[] splitParams(final String s) {
        if (s.isEmpty()) {
            return new String[0];
        }
        final List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0 && s.startsWith(", ", i)) {
                out.add(s.substring(start, i));
                start = i + 2;
            }
        }
        out.add(s.substring(start));
        return out.toArray(new String[0]);
    }

    void mismatch(final String where, final String what) {
        mismatches++;
        System.out.println("MISMATCH " + where + ": " + what);
    }

    void compareClass(final Src ours, final ClassTree o, final Src real, final ClassTree r, final String qname,
        final Set<String> oTv0, final Set<String> rTv0, final boolean oInIf, final boolean rInIf) {
        types++;
        final Set<String> oTv = typeVars(o, oTv0), rTv = typeVars(r, rTv0);
        if (o.getKind() != r.getKind()) {
            mismatch(qname, "kind " + o.getKind() + " vs KNIME " + r.getKind());
        }
        final Set<String> om = mods(o.getModifiers().getFlags(), oInIf, o);
        final Set<String> rm = mods(r.getModifiers().getFlags(), rInIf, r);
        if (!om.equals(rm)) {
            mismatch(qname, "type modifiers " + om + " vs KNIME " + rm);
        }
        final String otp = ours.typeParams(o.getTypeParameters(), oTv), rtp = real.typeParams(r.getTypeParameters(), rTv);
        if (!sameType(otp, rtp)) {
            mismatch(qname, "type parameters " + otp + " vs KNIME " + rtp);
        }
        final String oExt = o.getExtendsClause() == null ? "" : ours.type(o.getExtendsClause(), oTv);
        final String rExt = r.getExtendsClause() == null ? "" : real.type(r.getExtendsClause(), rTv);
        if (!sameType(oExt, rExt)) {
            mismatch(qname, "superclass '" + oExt + "' vs KNIME '" + rExt + "'");
        }
        final List<String> rImpl = r.getImplementsClause().stream().map(x -> real.type(x, rTv)).collect(Collectors.toList());
        final List<String> oImpl = o.getImplementsClause().stream().map(x -> ours.type(x, oTv)).collect(Collectors.toList());
        for (String oi : oImpl) {
            if (rImpl.stream().noneMatch(ri -> sameType(oi, ri))) {
                mismatch(qname, "implements/extends " + oi + " which KNIME's type does not");
            }
        }
        for (String ri : rImpl) {
            if (oImpl.stream().noneMatch(oi -> sameType(oi, ri))) {
                infos.add("omitted supertype of " + qname + ": " + ri);
            }
        }
        // members
        final List<Member> realMembers = new ArrayList<>();
        final Map<String, ClassTree> realNested = new LinkedHashMap<>();
        boolean realHasCtor = false;
        for (Tree t : r.getMembers()) {
            if (t instanceof MethodTree || t instanceof VariableTree) {
                final Member m = member(real, t, r, rTv);
                realMembers.add(m);
                realHasCtor |= "constructor".equals(m.kind);
            } else if (t instanceof ClassTree) {
                realNested.put(((ClassTree)t).getSimpleName().toString(), (ClassTree)t);
            }
        }
        final Set<String> ourKeys = new LinkedHashSet<>();
        boolean ourHasCtor = false;
        for (Tree t : o.getMembers()) {
            if (t instanceof ClassTree) {
                final ClassTree n = (ClassTree)t;
                final Set<String> nm = mods(n.getModifiers().getFlags(), isInterface(o), n);
                if (!isApi(nm)) {
                    continue;
                }
                final ClassTree rn = realNested.get(n.getSimpleName().toString());
                if (rn == null) {
                    mismatch(qname, "nested type " + n.getSimpleName() + " does not exist in KNIME");
                } else {
                    compareClass(ours, n, real, rn, qname + "." + n.getSimpleName(), oTv, rTv, isInterface(o),
                        isInterface(r));
                }
                continue;
            }
            if (!(t instanceof MethodTree || t instanceof VariableTree)) {
                continue;
            }
            final Member m = member(ours, t, o, oTv);
            ourHasCtor |= "constructor".equals(m.kind);
            ourKeys.add(m.key);
            if (!isApi(m.mods)) {
                continue;
            }
            members++;
            if (LIST) {
                System.out.println("CHECKED " + qname + " " + m.key);
            }
            final Member match = realMembers.stream().filter(x -> x.kind.equals(m.kind) && sameKey(m.key, x.key))
                .findFirst().orElse(null);
            if (match == null) {
                mismatch(qname, m.kind + " " + m.key + " does not exist in KNIME");
                continue;
            }
            final List<String> diffs = new ArrayList<>();
            if (!sameType(m.ret, match.ret)) {
                diffs.add("type " + m.ret + " vs " + match.ret);
            }
            if (!m.mods.equals(match.mods)) {
                diffs.add("modifiers " + m.mods + " vs " + match.mods);
            }
            if (!sameType(m.typeParams, match.typeParams)) {
                diffs.add("type parameters " + m.typeParams + " vs " + match.typeParams);
            }
            if (m.thrown.size() != match.thrown.size()
                || m.thrown.stream().anyMatch(x -> match.thrown.stream().noneMatch(y -> sameType(x, y)))) {
                diffs.add("throws " + m.thrown + " vs " + match.thrown);
            }
            if (!m.key.equals(match.key) && !sameKey(m.key, match.key)) {
                diffs.add("parameters " + m.key + " vs " + match.key);
            }
            if (!diffs.isEmpty()) {
                mismatch(qname, m.key + ": " + String.join("; ", diffs) + " (KNIME: " + match.display + ")");
            }
        }
        // javac adds a default constructor with the class's access when none is written
        if (!ourHasCtor && (o.getKind() == Tree.Kind.CLASS)) {
            members++;
            if (LIST) {
                System.out.println("CHECKED " + qname + " <init>() (implicit)");
            }
            final Set<String> access = new TreeSet<>(om);
            access.retainAll(Set.of("public", "protected"));
            if (!access.isEmpty()) {
                final boolean ok = !realHasCtor || realMembers.stream().anyMatch(
                    x -> "constructor".equals(x.kind) && x.key.equals("<init>()") && x.mods.containsAll(access));
                if (!ok) {
                    mismatch(qname, "implicit default constructor " + access + " does not exist in KNIME");
                }
            }
        }
        // abstract members of KNIME's type that the subset leaves out: implementors compiled against the subset
        // would miss them
        for (Member rmem : realMembers) {
            if (rmem.abstractMember && ourKeys.stream().noneMatch(k -> sameKey(k, rmem.key))) {
                infos.add("omitted abstract member of " + qname + ": " + rmem.key);
            }
        }
    }

    void checkFile(final Path subsetRoot, final Path file, final Path core, final Path shared) throws IOException {
        final String rel = subsetRoot.relativize(file).toString();
        final List<Path> realRoots = List.of(core.resolve(CORE_SRC), shared.resolve(SHARED_SRC));
        final Src ours = new Src(subsetRoot, file, List.of(subsetRoot));
        for (Tree t : ours.cu.getTypeDecls()) {
            if (!(t instanceof ClassTree)) {
                continue;
            }
            final ClassTree o = (ClassTree)t;
            final Set<String> om = mods(o.getModifiers().getFlags(), false, o);
            final String qname = ours.pkg + "." + o.getSimpleName();
            if (!isApi(om)) {
                infos.add("not API (package-private helper): " + qname);
                continue;
            }
            final List<Path> found = new ArrayList<>();
            for (Path r : realRoots) {
                if (Files.exists(r.resolve(rel))) {
                    found.add(r);
                }
            }
            if (found.size() != 1) {
                mismatch(qname, found.isEmpty() ? "no such file in knime-core or knime-shared: " + rel
                    : "found in both bundles: " + rel);
                continue;
            }
            final Path realRoot = found.get(0);
            final Src real = new Src(realRoot, realRoot.resolve(rel), realRoots);
            final ClassTree r = real.cu.getTypeDecls().stream().filter(x -> x instanceof ClassTree)
                .map(x -> (ClassTree)x).filter(x -> x.getSimpleName().contentEquals(o.getSimpleName())).findFirst()
                .orElse(null);
            if (r == null) {
                mismatch(qname, "type not declared in " + rel);
                continue;
            }
            final boolean isCore = realRoot.equals(realRoots.get(0));
            rows.add("| `" + qname + "` | " + (isCore ? "knime-core" : "knime-shared") + " | `"
                + (isCore ? CORE_SRC : SHARED_SRC) + "/" + rel + "` | " + (isCore ? "org.knime.core" : "org.knime.core.util")
                + " |");
            compareClass(ours, o, real, r, qname, Set.of(), Set.of(), false, false);
        }
    }

    public static void main(final String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java CheckSignatures.java <subset src/main/java> <knime-core> <knime-shared> [--markdown]");
            System.exit(2);
        }
        final Path subset = Path.of(args[0]).toAbsolutePath(), core = Path.of(args[1]), shared = Path.of(args[2]);
        LIST = args.length > 3 && "--list".equals(args[3]);
        final CheckSignatures c = new CheckSignatures();
        final List<Path> files;
        try (Stream<Path> s = Files.walk(subset)) {
            files = s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).sorted()
                .collect(Collectors.toList());
        }
        for (Path f : files) {
            c.checkFile(subset, f, core, shared);
        }
        c.infos.forEach(i -> System.out.println("INFO " + i));
        if (args.length > 3 && "--markdown".equals(args[3])) {
            c.rows.forEach(System.out::println);
        }
        System.out.println("SUMMARY: " + c.types + " types, " + c.members + " members checked, " + c.mismatches
            + " mismatches");
        System.exit(c.mismatches == 0 ? 0 : 1);
    }
}
