import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A build step (pom.xml, {@code process-test-classes}, over the main and the test classes): rewrites the two
 * kinds of {@code invokedynamic} that javac emits for pattern {@code switch}es and for records into
 * plain static methods of the same class, doing what the JDK's bootstrap would generate.
 *
 * <p>Why: every such call site is linked on its first use, in every JVM. The bootstraps
 * ({@code SwitchBootstraps.typeSwitch} and {@code ObjectMethods.bootstrap}) generate a class or a
 * method-handle tree at run time, and JDK 25's AOT cache keeps neither. A cold
 * {@code aegis check} linked 38 type switches and 7 record methods, a daily-check run 50 and 11:
 * ~45 ms of CPU on the checking threads before this step, plus the JIT's work on the JDK's class
 * generator. javac has no option to emit plain code for them. The source keeps its pattern
 * {@code switch}es and records; only the bytecode changes.
 *
 * <ul>
 *   <li>{@code typeSwitch} whose labels are all classes: {@code typeSwitch$N(selector, restart)}
 *       returns -1 for null, else the first label index at or after {@code restart} that the
 *       selector is an instance of, else the number of labels (as the bootstrap's generated class
 *       does). Sites with other labels (constants, enum constants) are left as they are.
 *   <li>A record's {@code equals}, {@code hashCode} and {@code toString}: {@code equals} is true for
 *       the same object, false for an object of another class, else compares the components
 *       (primitives with {@code ==}, {@code float} and {@code double} with {@code compare},
 *       references with {@code Objects.equals}), last component first as the JDK does;
 *       {@code hashCode} is {@code 31 * h + hash(component)} from 0, with the boxed types' hashes;
 *       {@code toString} is {@code Name[a=1, b=x]} with the record's simple name.
 * </ul>
 *
 * <p>Usage: {@code java -cp asm.jar build-tools/Desugar.java [-v] CLASSES_DIR...}; run by Maven with the
 * ASM jar that maven-dependency-plugin copies to {@code target/build-tools}. ASM rather than the
 * JDK's class-file API: the build supports JDK 21, where that API is not final.
 * {@code DesugarTest} checks the result's behaviour and that no such call site is left.
 */
public final class Desugar {
  private static final String SWITCH_BOOTSTRAPS = "java/lang/runtime/SwitchBootstraps";
  private static final String OBJECT_METHODS = "java/lang/runtime/ObjectMethods";

  private Desugar() {}

  public static void main(String[] args) throws IOException {
    // Quiet on success, as the build around it (./aegis builds with mvn -q); -v says what it did.
    boolean verbose = args.length > 0 && args[0].equals("-v");
    for (String dir : verbose ? java.util.Arrays.copyOfRange(args, 1, args.length) : args) {
      int switches = 0, recordMethods = 0, classes = 0;
      Path root = Path.of(dir);
      if (!Files.isDirectory(root)) continue;
      List<Path> files;
      try (Stream<Path> all = Files.walk(root)) {
        files = all.filter(p -> p.toString().endsWith(".class")).toList();
      }
      for (Path file : files) {
        var reader = new ClassReader(Files.readAllBytes(file));
        var writer = new ClassWriter(reader, 0);
        var rewriter = new Rewriter(writer);
        reader.accept(rewriter, 0);
        if (rewriter.helpers.isEmpty()) continue;
        Files.write(file, writer.toByteArray());
        switches += rewriter.switches;
        recordMethods += rewriter.helpers.size() - rewriter.switches;
        classes++;
      }
      if (verbose) {
        System.out.printf("desugar: %s: %d type switches and %d record methods made plain in %d classes%n",
            dir, switches, recordMethods, classes);
      }
    }
  }

  /** A static method to add to the class: its name, descriptor and body. */
  private record Helper(String name, String descriptor, Body body) {}

  @FunctionalInterface
  private interface Body {
    void emit(MethodVisitor mv);
  }

  private static final class Rewriter extends ClassVisitor {
    final List<Helper> helpers = new ArrayList<>();
    int switches;
    private String owner;
    private String simpleName;
    private boolean isInterface;

    Rewriter(ClassVisitor next) { super(Opcodes.ASM9, next); }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      owner = name;
      simpleName = name.substring(name.lastIndexOf('/') + 1);
      isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
      if (name.equals(owner) && innerName != null) simpleName = innerName;   // Class.getSimpleName()
      super.visitInnerClass(name, outerName, innerName, access);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
        @Override
        public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap, Object... args) {
          Body body = plainBody(indyName, indyDescriptor, bootstrap, args);
          if (body == null) {
            super.visitInvokeDynamicInsn(indyName, indyDescriptor, bootstrap, args);
            return;
          }
          String helper = indyName + "$" + helpers.size();
          helpers.add(new Helper(helper, indyDescriptor, body));
          super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, helper, indyDescriptor, isInterface);
        }
      };
    }

    /** What replaces the call site, or null to leave it. */
    private Body plainBody(String name, String descriptor, Handle bootstrap, Object[] args) {
      if (bootstrap.getOwner().equals(SWITCH_BOOTSTRAPS) && bootstrap.getName().equals("typeSwitch")) {
        Type[] labels = classLabels(descriptor, args);
        if (labels == null) return null;
        switches++;
        return mv -> typeSwitch(mv, labels);
      }
      if (bootstrap.getOwner().equals(OBJECT_METHODS) && bootstrap.getName().equals("bootstrap")
          && args.length >= 2 && args[1] instanceof String names) {
        List<Handle> getters = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
          if (!(args[i] instanceof Handle h) || h.getTag() != Opcodes.H_GETFIELD || !h.getOwner().equals(owner)) return null;
          getters.add(h);
        }
        return switch (name) {
          case "equals" -> mv -> recordEquals(mv, getters);
          case "hashCode" -> mv -> recordHashCode(mv, getters);
          case "toString" -> mv -> recordToString(mv, getters, names.isEmpty() ? List.of() : List.of(names.split(";")));
          default -> null;
        };
      }
      return null;
    }

    private static Type[] classLabels(String descriptor, Object[] args) {
      Type method = Type.getMethodType(descriptor);
      Type[] params = method.getArgumentTypes();
      if (params.length != 2 || params[0].getSort() != Type.OBJECT || params[1] != Type.INT_TYPE
          || method.getReturnType() != Type.INT_TYPE) return null;
      Type[] labels = new Type[args.length];
      for (int i = 0; i < args.length; i++) {
        if (!(args[i] instanceof Type t) || (t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY)) return null;
        labels[i] = t;
      }
      return labels;
    }

    @Override
    public void visitEnd() {
      for (Helper h : helpers) {
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
            h.name(), h.descriptor(), null, null);
        mv.visitCode();
        h.body().emit(mv);   // ends with visitMaxs
        mv.visitEnd();
      }
      super.visitEnd();
    }

    /** (selector, restart) -> index: locals 0 and 1, every branch target has the entry frame. */
    private static void typeSwitch(MethodVisitor mv, Type[] labels) {
      Label next = new Label();
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitJumpInsn(Opcodes.IFNONNULL, next);
      mv.visitInsn(Opcodes.ICONST_M1);
      mv.visitInsn(Opcodes.IRETURN);
      for (int i = 0; i < labels.length; i++) {
        sameFrame(mv, next);
        next = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        pushInt(mv, i);
        mv.visitJumpInsn(Opcodes.IF_ICMPGT, next);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitTypeInsn(Opcodes.INSTANCEOF, labels[i].getInternalName());
        mv.visitJumpInsn(Opcodes.IFEQ, next);
        pushInt(mv, i);
        mv.visitInsn(Opcodes.IRETURN);
      }
      sameFrame(mv, next);
      pushInt(mv, labels.length);
      mv.visitInsn(Opcodes.IRETURN);
      mv.visitMaxs(2, 2);
    }

    /** (record, other) -> boolean. */
    private void recordEquals(MethodVisitor mv, List<Handle> getters) {
      Label notSame = new Label(), isFalse = new Label();
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitJumpInsn(Opcodes.IF_ACMPNE, notSame);
      mv.visitInsn(Opcodes.ICONST_1);
      mv.visitInsn(Opcodes.IRETURN);
      sameFrame(mv, notSame);
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitTypeInsn(Opcodes.INSTANCEOF, owner);
      mv.visitJumpInsn(Opcodes.IFEQ, isFalse);
      for (int i = getters.size() - 1; i >= 0; i--) {
        Handle g = getters.get(i);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, g.getName(), g.getDesc());
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitTypeInsn(Opcodes.CHECKCAST, owner);
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, g.getName(), g.getDesc());
        switch (Type.getType(g.getDesc()).getSort()) {
          case Type.LONG -> { mv.visitInsn(Opcodes.LCMP); mv.visitJumpInsn(Opcodes.IFNE, isFalse); }
          case Type.FLOAT -> { staticCall(mv, "java/lang/Float", "compare", "(FF)I"); mv.visitJumpInsn(Opcodes.IFNE, isFalse); }
          case Type.DOUBLE -> { staticCall(mv, "java/lang/Double", "compare", "(DD)I"); mv.visitJumpInsn(Opcodes.IFNE, isFalse); }
          case Type.OBJECT, Type.ARRAY -> {
            staticCall(mv, "java/util/Objects", "equals", "(Ljava/lang/Object;Ljava/lang/Object;)Z");
            mv.visitJumpInsn(Opcodes.IFEQ, isFalse);
          }
          default -> mv.visitJumpInsn(Opcodes.IF_ICMPNE, isFalse);   // boolean, byte, char, short, int
        }
      }
      mv.visitInsn(Opcodes.ICONST_1);
      mv.visitInsn(Opcodes.IRETURN);
      sameFrame(mv, isFalse);
      mv.visitInsn(Opcodes.ICONST_0);
      mv.visitInsn(Opcodes.IRETURN);
      mv.visitMaxs(6, 2);
    }

    /** (record) -> int. */
    private void recordHashCode(MethodVisitor mv, List<Handle> getters) {
      mv.visitInsn(Opcodes.ICONST_0);
      for (Handle g : getters) {
        pushInt(mv, 31);
        mv.visitInsn(Opcodes.IMUL);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, g.getName(), g.getDesc());
        switch (Type.getType(g.getDesc()).getSort()) {
          case Type.BOOLEAN -> staticCall(mv, "java/lang/Boolean", "hashCode", "(Z)I");
          case Type.LONG -> staticCall(mv, "java/lang/Long", "hashCode", "(J)I");
          case Type.FLOAT -> staticCall(mv, "java/lang/Float", "hashCode", "(F)I");
          case Type.DOUBLE -> staticCall(mv, "java/lang/Double", "hashCode", "(D)I");
          case Type.OBJECT, Type.ARRAY -> staticCall(mv, "java/util/Objects", "hashCode", "(Ljava/lang/Object;)I");
          default -> { }   // byte, char, short, int: their hash is their value
        }
        mv.visitInsn(Opcodes.IADD);
      }
      mv.visitInsn(Opcodes.IRETURN);
      mv.visitMaxs(4, 1);
    }

    /** (record) -> String. */
    private void recordToString(MethodVisitor mv, List<Handle> getters, List<String> names) {
      mv.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
      mv.visitInsn(Opcodes.DUP);
      mv.visitLdcInsn(simpleName + "[");
      mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V", false);
      for (int i = 0; i < getters.size(); i++) {
        Handle g = getters.get(i);
        mv.visitLdcInsn((i == 0 ? "" : ", ") + names.get(i) + "=");
        append(mv, "Ljava/lang/String;");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, g.getName(), g.getDesc());
        append(mv, switch (Type.getType(g.getDesc()).getSort()) {
          case Type.BOOLEAN -> "Z";
          case Type.CHAR -> "C";
          case Type.BYTE, Type.SHORT, Type.INT -> "I";
          case Type.LONG -> "J";
          case Type.FLOAT -> "F";
          case Type.DOUBLE -> "D";
          default -> g.getDesc().equals("Ljava/lang/String;") ? "Ljava/lang/String;" : "Ljava/lang/Object;";
        });
      }
      mv.visitLdcInsn("]");
      append(mv, "Ljava/lang/String;");
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
      mv.visitInsn(Opcodes.ARETURN);
      mv.visitMaxs(4, 1);
    }

    private static void append(MethodVisitor mv, String argument) {
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
          "(" + argument + ")Ljava/lang/StringBuilder;", false);
    }

    private static void staticCall(MethodVisitor mv, String owner, String name, String descriptor) {
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
    }

    /** A branch target with the method's entry frame (its parameters, an empty stack). */
    private static void sameFrame(MethodVisitor mv, Label label) {
      mv.visitLabel(label);
      mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
    }

    private static void pushInt(MethodVisitor mv, int value) {
      if (value <= 5) mv.visitInsn(Opcodes.ICONST_0 + value);
      else if (value <= Byte.MAX_VALUE) mv.visitIntInsn(Opcodes.BIPUSH, value);
      else mv.visitIntInsn(Opcodes.SIPUSH, value);
    }
  }
}
