<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Workers Still Running</source>
      <translation>Workers ainda em execução</translation>
    </message>
    <message>
      <source>1 worker is still running: %1.</source>
      <translation>1 worker ainda está em execução: %1.</translation>
    </message>
    <message>
      <source>%1 workers are still running: %2.</source>
      <translation>%1 workers ainda estão em execução: %2.</translation>
    </message>
    <message>
      <source>Wait keeps the window open until they end, then closes it. Stop asks them to stop; processes that do not stop in time are killed.</source>
      <translation>Aguardar mantém a janela aberta até que terminem e então a fecha. Parar pede que parem; processos que não param a tempo são mortos.</translation>
    </message>
    <message>
      <source>Wait</source>
      <translation>Aguardar</translation>
    </message>
    <message>
      <source>Stop Them</source>
      <translation>Parar todos</translation>
    </message>
  </context>
  <context>
    <name>twinrun::ArgListEditor</name>
    <message>
      <source>No positional arguments</source>
      <translation>Nenhum argumento posicional</translation>
    </message>
    <message>
      <source>No keyword arguments</source>
      <translation>Nenhum argumento nomeado</translation>
    </message>
    <message>
      <source>&amp;Add argument</source>
      <translation>Adicionar a&amp;rgumento</translation>
    </message>
    <message>
      <source>Add ke&amp;yword</source>
      <translation>Adicionar nomea&amp;do</translation>
    </message>
    <message>
      <source>(extra)</source>
      <translation>(a mais)</translation>
    </message>
    <message>
      <source>The target takes no more positional arguments (it has no *args)</source>
      <translation>O alvo não aceita mais argumentos posicionais (não tem *args)</translation>
    </message>
    <message>
      <source>Every keyword parameter of the target is given already</source>
      <translation>Todos os parâmetros nomeados do alvo já foram dados</translation>
    </message>
    <message>
      <source>The target takes no keyword arguments</source>
      <translation>O alvo não aceita argumentos nomeados</translation>
    </message>
  </context>
  <context>
    <name>twinrun::ArgRow</name>
    <message>
      <source>e.g. 42, -7, 0x1f</source>
      <translation>ex.: 42, -7, 0x1f</translation>
    </message>
    <message>
      <source>e.g. 1.5, 1e3, inf</source>
      <translation>ex.: 1.5, 1e3, inf</translation>
    </message>
    <message>
      <source>text, taken as typed</source>
      <translation>texto, como digitado</translation>
    </message>
    <message>
      <source>True or False</source>
      <translation>True ou False</translation>
    </message>
    <message>
      <source>e.g. (1, 2), [1, 'a'], {'k': 1}</source>
      <translation>ex.: (1, 2), [1, 'a'], {'k': 1}</translation>
    </message>
    <message>
      <source>The keyword, as in name=value: one of the target's parameters</source>
      <translation>O nome, como em nome=valor: um dos parâmetros do alvo</translation>
    </message>
    <message>
      <source>The value's Python type; "literal" takes any Python literal, such as a tuple, list or dict</source>
      <translation>O tipo Python do valor; "literal" aceita qualquer literal Python, como uma tupla, lista ou dict</translation>
    </message>
    <message>
      <source>The value, as a Python literal</source>
      <translation>O valor, como literal Python</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Mover para cima</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Mover para baixo</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Remover</translation>
    </message>
    <message>
      <source>name</source>
      <translation>nome</translation>
    </message>
  </context>
  <context>
    <name>twinrun::ArgType</name>
    <message>
      <source>enter a Python literal</source>
      <translation>digite um literal Python</translation>
    </message>
    <message>
      <source>enter a value of type %1</source>
      <translation>digite um valor do tipo %1</translation>
    </message>
    <message>
      <source>expected %1, got %2 %3 (enter True or False)</source>
      <extracomment>%1 and %2: Python type names (int, str...), %3: the value as Python writes it</extracomment>
      <translation>esperado %1, recebido %2 %3 (digite True ou False)</translation>
    </message>
    <message>
      <source>expected %1, got %2 %3</source>
      <translation>esperado %1, recebido %2 %3</translation>
    </message>
  </context>
  <context>
    <name>twinrun::BenchDialog</name>
    <message>
      <source>Also &amp;Python's threading and multiprocessing</source>
      <translation>Também threading e multiprocessing do &amp;Python</translation>
    </message>
    <message>
      <source>&amp;Run</source>
      <translation>&amp;Executar</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Cancelar</translation>
    </message>
    <message>
      <source>&amp;Export PNG…</source>
      <translation>E&amp;xportar PNG…</translation>
    </message>
    <message>
      <source>Benchmark</source>
      <translation>Benchmark</translation>
    </message>
    <message>
      <source>Runs bench/python_bench.py after TwinRun's measurements</source>
      <translation>Executa bench/python_bench.py depois das medições do TwinRun</translation>
    </message>
    <message>
      <source>Needs python3 and bench/python_bench.py</source>
      <translation>Requer python3 e bench/python_bench.py</translation>
    </message>
    <message>
      <source>&amp;Thread launches:</source>
      <translation>Lançamentos de &amp;thread:</translation>
    </message>
    <message>
      <source>P&amp;rocess launches:</source>
      <translation>Lançamentos de p&amp;rocesso:</translation>
    </message>
    <message>
      <source>&amp;Flood lines:</source>
      <translation>Linhas do &amp;flood:</translation>
    </message>
    <message>
      <source>Measures what `twinrun bench` measures, in the background.</source>
      <translation>Mede o que `twinrun bench` mede, em segundo plano.</translation>
    </message>
    <message>
      <source>Launch cost: launch to joined of noop, median (log scale)</source>
      <translation>Custo de lançamento: do lançamento ao fim de noop, mediana (escala log)</translation>
    </message>
    <message>
      <source>Flood throughput: numbered lines captured, MB/s</source>
      <translation>Vazão do flood: linhas numeradas capturadas, MB/s</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Cancelado.</translation>
    </message>
    <message>
      <source>Starting…</source>
      <translation>Iniciando…</translation>
    </message>
    <message>
      <source>Done: TwinRun %1.</source>
      <translation>Pronto: TwinRun %1.</translation>
    </message>
    <message>
      <source>Done: TwinRun %1 and Python %2.</source>
      <translation>Pronto: TwinRun %1 e Python %2.</translation>
    </message>
    <message>
      <source>Cannot write %1</source>
      <translation>Não foi possível gravar %1</translation>
    </message>
    <message>
      <source>Export Chart</source>
      <translation>Exportar gráfico</translation>
    </message>
    <message>
      <source>PNG images (*.png)</source>
      <translation>Imagens PNG (*.png)</translation>
    </message>
  </context>
  <context>
    <name>twinrun::BenchReport</name>
    <message>
      <source>Launch (create + start + join of noop), microseconds: min / median / p90</source>
      <translation>Início (criar + iniciar + join de noop), microssegundos: mín / mediana / p90</translation>
    </message>
    <message>
      <source>worker</source>
      <translation>worker</translation>
    </message>
    <message>
      <source>to running</source>
      <translation>até em execução</translation>
    </message>
    <message>
      <source>to joined</source>
      <translation>até o join</translation>
    </message>
    <message>
      <source>Output flood captured into the worker's log</source>
      <translation>Flood de saída capturado no log do worker</translation>
    </message>
    <message numerus="yes">
      <source>%1 lines in %2 s: %3 lines/s, %4 MB/s</source>
      <translation>
        <numerusform>%1 linha em %2 s: %3 linhas/s, %4 MB/s</numerusform>
        <numerusform>%1 linhas em %2 s: %3 linhas/s, %4 MB/s</numerusform>
      </translation>
    </message>
    <message>
      <source>Memory: %1-line flood, peak RSS %2 MB (log kept %3 lines, dropped %4)</source>
      <translation>Memória: flood de %1 linhas, pico de RSS %2 MB (o log guardou %3 linhas, descartou %4)</translation>
    </message>
    <message>
      <source>Command line: run flood %1 %2, peak RSS %3 MB</source>
      <translation>Linha de comando: run flood %1 %2, pico de RSS %3 MB</translation>
    </message>
    <message numerus="yes">
      <source>Responsiveness: %n workers flooding, event-loop stall max %1 ms, p99 %2 ms</source>
      <translation>
        <numerusform>Responsividade: %n worker em flood, parada do laço de eventos máx. %1 ms, p99 %2 ms</numerusform>
        <numerusform>Responsividade: %n workers em flood, parada do laço de eventos máx. %1 ms, p99 %2 ms</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sampling %n process workers once a second: %1% of one CPU (the whole process, less what it spends without sampling: %2%)</source>
      <translation>
        <numerusform>Amostrar %n worker de processo uma vez por segundo: %1% de uma CPU (o processo inteiro, menos o que gasta sem amostrar: %2%)</numerusform>
        <numerusform>Amostrar %n workers de processo uma vez por segundo: %1% de uma CPU (o processo inteiro, menos o que gasta sem amostrar: %2%)</numerusform>
      </translation>
    </message>
    <message>
      <source>Command line: run flood %1 %2, peak RSS at most %3 MB (not traced: the kernel's figure counts the bench's own memory too)</source>
      <translation>Linha de comando: run flood %1 %2, pico de RSS de no máximo %3 MB (sem rastreamento: o número do kernel conta também a memória do próprio bench)</translation>
    </message>
  </context>
  <context>
    <name>twinrun::BenchRunner</name>
    <message>
      <source>Cannot start %1: %2</source>
      <translation>Não foi possível iniciar %1: %2</translation>
    </message>
    <message>
      <source>Python: %1</source>
      <translation>Python: %1</translation>
    </message>
    <message>
      <source>%1 did not finish the measurements%2</source>
      <translation>%1 não terminou as medições%2</translation>
    </message>
  </context>
  <context>
    <name>twinrun::Cli</name>
    <message>
      <source>--%1 %2: expected a whole number greater than 0</source>
      <translation>--%1 %2: esperado um número inteiro maior que 0</translation>
    </message>
    <message>
      <source>Measures launch cost and output throughput of thread and process workers through the
Worker API, next to floors measured in the same run. bench/compare.py runs this and
Python's threading/multiprocessing side by side.</source>
      <translation>Mede o custo de início e a vazão de saída de workers de thread e de processo pela
API Worker, ao lado de pisos medidos na mesma execução. bench/compare.py executa isto e
o threading/multiprocessing do Python lado a lado.</translation>
    </message>
    <message>
      <source>Thread launches (default 200).</source>
      <translation>Inícios de thread (padrão 200).</translation>
    </message>
    <message>
      <source>Process launches (default 50).</source>
      <translation>Inícios de processo (padrão 50).</translation>
    </message>
    <message>
      <source>Lines in the flood (default 1000000).</source>
      <translation>Linhas do flood (padrão 1000000).</translation>
    </message>
    <message>
      <source>Lines in the memory flood (default 10000000).</source>
      <translation>Linhas do flood de memória (padrão 10000000).</translation>
    </message>
    <message>
      <source>Skip the memory flood.</source>
      <translation>Pula o flood de memória.</translation>
    </message>
    <message>
      <source>Print one JSON object.</source>
      <translation>Imprime um objeto JSON.</translation>
    </message>
    <message>
      <source>Progress on stderr, a line a step: "progress FRACTION STEP".</source>
      <translation>Progresso na stderr, uma linha por etapa: "progress FRACTION STEP".</translation>
    </message>
    <message>
      <source>unexpected argument %1</source>
      <translation>argumento inesperado %1</translation>
    </message>
    <message>
      <source>Usage: twinrun [COMMAND] [OPTIONS]</source>
      <translation>Uso: twinrun [COMANDO] [OPÇÕES]</translation>
    </message>
    <message>
      <source>Runs one function as a thread or as a process through one API, like Python's
threading.Thread and multiprocessing.Process, and compares the two.</source>
      <translation>Executa uma função como thread ou como processo por uma única API, como o
threading.Thread e o multiprocessing.Process do Python, e compara os dois.</translation>
    </message>
    <message>
      <source>Commands:</source>
      <translation>Comandos:</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(nenhum)</translation>
    </message>
    <message>
      <source>open the window; without a display, run the demo instead</source>
      <translation>abre a janela; sem display, executa a demonstração</translation>
    </message>
    <message>
      <source>run a target: twinrun run TARGET [ARG ...] [--as thread|process|both]</source>
      <translation>executa um alvo: twinrun run TARGET [ARG ...] [--as thread|process|both]</translation>
    </message>
    <message>
      <source>list the targets with their signatures and descriptions (plugins too)</source>
      <translation>lista os alvos com assinaturas e descrições (plugins também)</translation>
    </message>
    <message>
      <source>run the seed example faz_algo(1, 1.5, 'Edson') as a thread and a process</source>
      <translation>executa o exemplo original faz_algo(1, 1.5, 'Edson') como thread e como processo</translation>
    </message>
    <message>
      <source>measure launch cost and output throughput of both backends</source>
      <translation>mede o custo de início e a vazão de saída dos dois backends</translation>
    </message>
    <message>
      <source>Options:</source>
      <translation>Opções:</translation>
    </message>
    <message>
      <source>show this help (twinrun COMMAND --help: that command's)</source>
      <translation>mostra esta ajuda (twinrun COMANDO --help: a desse comando)</translation>
    </message>
    <message>
      <source>show the version</source>
      <translation>mostra a versão</translation>
    </message>
    <message>
      <source>Examples:</source>
      <translation>Exemplos:</translation>
    </message>
    <message>
      <source>Lists the targets a worker can run.</source>
      <translation>Lista os alvos que um worker pode executar.</translation>
    </message>
    <message>
      <source>Print a JSON array.</source>
      <translation>Imprime um array JSON.</translation>
    </message>
    <message>
      <source>process only</source>
      <translation>só processo</translation>
    </message>
    <message>
      <source>plugin %1</source>
      <translation>plugin %1</translation>
    </message>
    <message>
      <source>Backend: thread (default), process or both.</source>
      <translation>Backend: thread (padrão), process ou both.</translation>
    </message>
    <message>
      <source>A keyword argument, KEY=VALUE (repeatable).</source>
      <translation>Um argumento nomeado, KEY=VALUE (repetível).</translation>
    </message>
    <message>
      <source>The worker's name (default: Thread-N (target) or Process-N).</source>
      <translation>O nome do worker (padrão: Thread-N (alvo) ou Process-N).</translation>
    </message>
    <message>
      <source>Mark the worker as a daemon (recorded in the spec and the JSON; run waits for it anyway).</source>
      <translation>Marca o worker como daemon (registrado na especificação e no JSON; run espera por ele mesmo assim).</translation>
    </message>
    <message>
      <source>How a process worker starts: spawn (default: re-run twinrun) or forkserver (fork a warm helper).</source>
      <translation>Como um worker de processo inicia: spawn (padrão: executa o twinrun de novo) ou forkserver (fork de um auxiliar já pronto).</translation>
    </message>
    <message>
      <source>Run the launch spec (preset) saved in FILE, as the window saves it, instead of TARGET and ARGs.</source>
      <translation>Executa a especificação de lançamento (preset) salva em FILE, como a janela a salva, em vez de TARGET e ARGs.</translation>
    </message>
    <message>
      <source>Stop the worker after SECONDS; exit 124.</source>
      <translation>Para o worker após SECONDS; sai com 124.</translation>
    </message>
    <message>
      <source>Print one JSON object per worker, nothing else.</source>
      <translation>Imprime um objeto JSON por worker, e nada mais.</translation>
    </message>
    <message>
      <source>Also run the call with CPython's threading.Thread and/or multiprocessing.Process and compare all runs (needs python3).</source>
      <translation>Executa a chamada também com threading.Thread e/ou multiprocessing.Process do CPython e compara todas as execuções (requer python3).</translation>
    </message>
    <message>
      <source>With --python: the Python interpreter to use (default: python3 on PATH).</source>
      <translation>Com --python: o interpretador Python a usar (padrão: python3 no PATH).</translation>
    </message>
    <message>
      <source>--python-exe: only with --python</source>
      <translation>--python-exe: só com --python</translation>
    </message>
    <message>
      <source>missing TARGET (known: %1)</source>
      <translation>falta TARGET (conhecidos: %1)</translation>
    </message>
    <message>
      <source>--kwarg %1: expected KEY=VALUE with KEY a Python identifier</source>
      <translation>--kwarg %1: esperado KEY=VALUE com KEY um identificador Python</translation>
    </message>
    <message>
      <source>--kwarg %1: keyword %2 given more than once</source>
      <translation>--kwarg %1: argumento nomeado %2 dado mais de uma vez</translation>
    </message>
    <message>
      <source>--name: expected a non-empty name</source>
      <translation>--name: esperado um nome não vazio</translation>
    </message>
    <message>
      <source>--start-method %1: expected spawn or forkserver</source>
      <translation>--start-method %1: esperado spawn ou forkserver</translation>
    </message>
    <message>
      <source>--as %1: expected thread, process or both</source>
      <translation>--as %1: esperado thread, process ou both</translation>
    </message>
    <message>
      <source>--spec %1 already says what to run: drop TARGET and ARGs</source>
      <translation>--spec %1 já diz o que executar: retire TARGET e ARGs</translation>
    </message>
    <message>
      <source>--spec %1 already says what to run: drop --%2</source>
      <translation>--spec %1 já diz o que executar: retire --%2</translation>
    </message>
    <message>
      <source>Runs TARGET with ARGs (Python literals: 1, 1.5, 'text', True, None, (1, 2); a bare word
is a str) as a thread, a process or both. The target's stdout and stderr pass through
unchanged. Exit status: the worker's exit code; 128+N when a process died by signal N;
124 when --timeout ran out; 130/143 on SIGINT/SIGTERM; 2 for bad usage. A negative
number is an ARG (-5, -1.5); put -- before other ARGs that start with '-'.</source>
      <translation>Executa TARGET com ARGs (literais Python: 1, 1.5, 'texto', True, None, (1, 2); uma palavra
solta é uma str) como thread, como processo ou ambos. A stdout e a stderr do alvo passam
sem mudança. Código de saída: o do worker; 128+N quando um processo morreu pelo sinal N;
124 quando o --timeout se esgotou; 130/143 com SIGINT/SIGTERM; 2 para uso incorreto. Um
número negativo é um ARG (-5, -1.5); ponha -- antes de outros ARGs que começam com '-'.</translation>
    </message>
    <message>
      <source>The target to run (see 'twinrun targets').</source>
      <translation>O alvo a executar (veja 'twinrun targets').</translation>
    </message>
    <message>
      <source>Positional arguments.</source>
      <translation>Argumentos posicionais.</translation>
    </message>
    <message>
      <source>--timeout %1: expected a number of seconds greater than 0</source>
      <translation>--timeout %1: esperado um número de segundos maior que 0</translation>
    </message>
    <message>
      <source>TwinRun demo: faz_algo(1, 1.5, 'Edson') as a thread and as a process, like the
seed's threading.Thread / multiprocessing.Process example.</source>
      <translation>Demonstração do TwinRun: faz_algo(1, 1.5, 'Edson') como thread e como processo, como no
exemplo original com threading.Thread / multiprocessing.Process.</translation>
    </message>
    <message>
      <source>unknown option %1</source>
      <translation>opção desconhecida %1</translation>
    </message>
    <message>
      <source>unknown command %1 (commands: run, targets, demo, bench)</source>
      <translation>comando desconhecido %1 (comandos: run, targets, demo, bench)</translation>
    </message>
    <message>
      <source>Show this help.</source>
      <translation>Mostra esta ajuda.</translation>
    </message>
    <message>
      <source>(an ARG that starts with '-' goes after --: twinrun run TARGET [options] -- ARG ...)</source>
      <translation>(um ARG que começa com '-' vai depois de --: twinrun run TARGET [opções] -- ARG ...)</translation>
    </message>
    <message>
      <source>no display found (DISPLAY is not set): running the demo instead of opening the window</source>
      <translation>nenhum display encontrado (DISPLAY não está definido): executando a demonstração em vez de abrir a janela</translation>
    </message>
    <message>
      <source>warning: skipped %1</source>
      <translation>aviso: ignorado %1</translation>
    </message>
    <message>
      <source>Load the plugin FILE first (repeatable): its targets are named &lt;plugin&gt;.&lt;function&gt;. Plugins in TWINRUN_PLUGIN_PATH and the user's plugin folder are found without it.</source>
      <translation>Carrega antes o plugin FILE (repetível): seus alvos se chamam &lt;plugin&gt;.&lt;função&gt;. Plugins em TWINRUN_PLUGIN_PATH e na pasta de plugins do usuário são encontrados sem esta opção.</translation>
    </message>
    <message>
      <source>Runs the seed's example, faz_algo(1, 1.5, 'Edson'), as a thread and as a process (twinrun run faz_algo 1 1.5 Edson --as both).</source>
      <translation>Executa o exemplo original, faz_algo(1, 1.5, 'Edson'), como thread e como processo (twinrun run faz_algo 1 1.5 Edson --as both).</translation>
    </message>
  </context>
  <context>
    <name>twinrun::CliRun</name>
    <message>
      <source>cannot write to %1: %2</source>
      <translation>não é possível escrever em %1: %2</translation>
    </message>
    <message>
      <source>%1, %2 line %3: %4</source>
      <translation>%1, %2 linha %3: %4</translation>
    </message>
    <message>
      <source>(no such line)</source>
      <translation>(linha inexistente)</translation>
    </message>
    <message>
      <source>(past the first 1 MiB, not kept)</source>
      <translation>(depois do primeiro 1 MiB, não guardada)</translation>
    </message>
    <message>
      <source>times: %1</source>
      <translation>tempos: %1</translation>
    </message>
    <message>
      <source>%1 is still running and cannot be killed (a thread can only stop itself); leaving it behind</source>
      <translation>%1 ainda está em execução e não pode ser morto (uma thread só pode parar a si mesma); deixando-o para trás</translation>
    </message>
    <message>
      <source>cannot keep %1's output until it is printed: %2</source>
      <translation>não é possível guardar a saída de %1 até que seja impressa: %2</translation>
    </message>
    <message>
      <source>thread %1; process %2</source>
      <translation>thread %1; processo %2</translation>
    </message>
  </context>
  <context>
    <name>twinrun::ComparePanel</name>
    <message>
      <source>Thread</source>
      <translation>Thread</translation>
    </message>
    <message>
      <source>Process</source>
      <translation>Processo</translation>
    </message>
    <message>
      <source>%1 · %2</source>
      <translation>%1 · %2</translation>
    </message>
    <message>
      <source>exit code %1</source>
      <translation>código de saída %1</translation>
    </message>
    <message>
      <source>Not compared: these runs are not the two halves of one Both launch</source>
      <translation>Não comparados: estas execuções não são as duas metades de um lançamento Ambos</translation>
    </message>
    <message>
      <source>&amp;Previous Difference</source>
      <translation>Diferença &amp;anterior</translation>
    </message>
    <message>
      <source>&amp;Next Difference</source>
      <translation>&amp;Próxima diferença</translation>
    </message>
    <message>
      <source>Show the previous line that differs (Shift+F8)</source>
      <translation>Mostra a linha diferente anterior (Shift+F8)</translation>
    </message>
    <message>
      <source>Show the next line that differs (F8)</source>
      <translation>Mostra a próxima linha diferente (F8)</translation>
    </message>
    <message>
      <source>Python Thread</source>
      <translation>Thread do Python</translation>
    </message>
    <message>
      <source>Python Process</source>
      <translation>Process do Python</translation>
    </message>
    <message>
      <source>Launch in Both mode, or with Compare with Python, to compare runs</source>
      <translation>Lance no modo Ambos, ou com Comparar com Python, para comparar execuções</translation>
    </message>
    <message>
      <source>Running: the verdict comes when every run has ended</source>
      <translation>Em execução: o veredito vem quando todas as execuções terminarem</translation>
    </message>
    <message>
      <source>Difference %1 of %2</source>
      <translation>Diferença %1 de %2</translation>
    </message>
    <message>
      <source>%1 vs %2</source>
      <translation>%1 vs %2</translation>
    </message>
    <message>
      <source>identical</source>
      <translation>idênticos</translation>
    </message>
    <message>
      <source>differs as documented (%1)</source>
      <translation>diferem como documentado (%1)</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
  </context>
  <context>
    <name>twinrun::Comparison</name>
    <message>
      <source>identical: same stdout, stderr and exit code</source>
      <translation>idênticos: mesma stdout, stderr e código de saída</translation>
    </message>
    <message>
      <source>stdout differs from line %1</source>
      <translation>stdout difere a partir da linha %1</translation>
    </message>
    <message>
      <source>stderr differs from line %1</source>
      <translation>stderr difere a partir da linha %1</translation>
    </message>
    <message>
      <source>exit codes differ</source>
      <translation>códigos de saída diferem</translation>
    </message>
    <message>
      <source>incomplete: %1</source>
      <translation>incompletos: %1</translation>
    </message>
    <message>
      <source>different: %1</source>
      <translation>diferentes: %1</translation>
    </message>
    <message>
      <source>the thread is gone</source>
      <translation>a thread não existe mais</translation>
    </message>
    <message>
      <source>the process is gone</source>
      <translation>o processo não existe mais</translation>
    </message>
    <message>
      <source>the thread has not started</source>
      <translation>a thread não foi iniciada</translation>
    </message>
    <message>
      <source>the process has not started</source>
      <translation>o processo não foi iniciado</translation>
    </message>
    <message>
      <source>the thread is still running</source>
      <translation>a thread ainda está em execução</translation>
    </message>
    <message>
      <source>the process is still running</source>
      <translation>o processo ainda está em execução</translation>
    </message>
    <message>
      <source>the thread was stopped (%1)</source>
      <translation>a thread foi parada (%1)</translation>
    </message>
    <message>
      <source>the process was stopped (%1)</source>
      <translation>o processo foi parado (%1)</translation>
    </message>
    <message>
      <source>the thread failed to start</source>
      <translation>a thread não iniciou</translation>
    </message>
    <message>
      <source>the process failed to start</source>
      <translation>o processo não iniciou</translation>
    </message>
    <message>
      <source>stdout could not be compared (%1)</source>
      <translation>não foi possível comparar a stdout (%1)</translation>
    </message>
    <message>
      <source>stderr could not be compared (%1)</source>
      <translation>não foi possível comparar a stderr (%1)</translation>
    </message>
  </context>
  <context>
    <name>twinrun::FindBar</name>
    <message>
      <source>Match case</source>
      <translation>Diferenciar maiúsculas</translation>
    </message>
    <message>
      <source>Find in output</source>
      <translation>Localizar na saída</translation>
    </message>
    <message>
      <source>Previous match (Shift+Return)</source>
      <translation>Ocorrência anterior (Shift+Enter)</translation>
    </message>
    <message>
      <source>Next match (Return)</source>
      <translation>Próxima ocorrência (Enter)</translation>
    </message>
    <message>
      <source>Close (Escape)</source>
      <translation>Fechar (Esc)</translation>
    </message>
    <message>
      <source>Find:</source>
      <translation>Localizar:</translation>
    </message>
    <message>
      <source>Not found</source>
      <translation>Não encontrado</translation>
    </message>
  </context>
  <context>
    <name>twinrun::HelpPages</name>
    <message>
      <source>&lt;h3&gt;The command line&lt;/h3&gt;&lt;p&gt;Everything the window launches, &lt;tt&gt;twinrun run&lt;/tt&gt; runs from a terminal, with the same targets, values and exit codes.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;A linha de comando&lt;/h3&gt;&lt;p&gt;Tudo o que a janela inicia, &lt;tt&gt;twinrun run&lt;/tt&gt; executa num terminal, com os mesmos alvos, valores e códigos de saída.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>open the window (without a display: run the demo)</source>
      <translation>abre a janela (sem display: executa a demonstração)</translation>
    </message>
    <message>
      <source>run a preset saved by the window</source>
      <translation>executa um preset salvo pela janela</translation>
    </message>
    <message>
      <source>every target with its signature and description</source>
      <translation>todos os alvos, com assinatura e descrição</translation>
    </message>
    <message>
      <source>the seed example as a thread and as a process, compared</source>
      <translation>o exemplo original como thread e como processo, comparados</translation>
    </message>
    <message>
      <source>launch cost and output throughput</source>
      <translation>custo de início e vazão de saída</translation>
    </message>
    <message>
      <source>&lt;p&gt;ARGs and kwarg VALUEs are Python literals: &lt;tt&gt;1&lt;/tt&gt;, &lt;tt&gt;1.5&lt;/tt&gt;, &lt;tt&gt;'Edson'&lt;/tt&gt;, &lt;tt&gt;True&lt;/tt&gt;, &lt;tt&gt;None&lt;/tt&gt;, &lt;tt&gt;(1, 2)&lt;/tt&gt;; a bare word is a str as typed. The target's output goes to stdout and stderr byte for byte. Exit status: the worker's exit code, 128+N when a process died by signal N, 124 on &lt;tt&gt;--timeout&lt;/tt&gt;, 2 for bad usage.&lt;/p&gt;&lt;p&gt;Examples:&lt;/p&gt;</source>
      <translation>&lt;p&gt;ARGs e VALUEs de kwarg são literais Python: &lt;tt&gt;1&lt;/tt&gt;, &lt;tt&gt;1.5&lt;/tt&gt;, &lt;tt&gt;'Edson'&lt;/tt&gt;, &lt;tt&gt;True&lt;/tt&gt;, &lt;tt&gt;None&lt;/tt&gt;, &lt;tt&gt;(1, 2)&lt;/tt&gt;; uma palavra solta é uma str como digitada. A saída do alvo vai para stdout e stderr byte a byte. Status de saída: o código de saída do worker, 128+N quando um processo morreu pelo sinal N, 124 em &lt;tt&gt;--timeout&lt;/tt&gt;, 2 para uso incorreto.&lt;/p&gt;&lt;p&gt;Exemplos:&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;h3&gt;Threads and processes&lt;/h3&gt;&lt;p&gt;In Python, &lt;tt&gt;threading.Thread&lt;/tt&gt; and &lt;tt&gt;multiprocessing.Process&lt;/tt&gt; share one API: switching a call from a thread to a process is one word. TwinRun is that parity in C++ and Qt, made visible.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Threads e processos&lt;/h3&gt;&lt;p&gt;Em Python, &lt;tt&gt;threading.Thread&lt;/tt&gt; e &lt;tt&gt;multiprocessing.Process&lt;/tt&gt; têm a mesma API: trocar uma chamada de thread para processo é uma palavra. O TwinRun é essa paridade em C++ e Qt, tornada visível.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Both print the same three lines. What differs is where the call runs:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;A &lt;b&gt;thread&lt;/b&gt; runs inside this app and shares its memory: it starts fast and passes data for free, but it cannot be killed from outside (only asked to stop), and a crash in it would take the app down, so &lt;tt&gt;crash&lt;/tt&gt; is refused as a thread.&lt;/li&gt;&lt;li&gt;A &lt;b&gt;process&lt;/b&gt; is a program of its own: it costs a start-up, its data is copied to it, but it can be killed at any time, and when it crashes only it ends (the table names the signal, such as SIGSEGV).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Launch the form's call with &lt;b&gt;Both&lt;/b&gt; to run it both ways at once and compare their output, exit codes and times. The panel under the form shows the same call as Python would write it and as TwinRun C++.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Os dois imprimem as mesmas três linhas. O que muda é onde a chamada roda:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Uma &lt;b&gt;thread&lt;/b&gt; roda dentro deste aplicativo e compartilha a memória dele: começa rápido e passa dados de graça, mas não pode ser morta de fora (só se pode pedir que pare), e uma falha nela derrubaria o aplicativo; por isso &lt;tt&gt;crash&lt;/tt&gt; é recusado como thread.&lt;/li&gt;&lt;li&gt;Um &lt;b&gt;processo&lt;/b&gt; é um programa à parte: custa uma inicialização, os dados são copiados para ele, mas pode ser morto a qualquer momento, e quando falha só ele termina (a tabela mostra o sinal, como SIGSEGV).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Inicie a chamada do formulário com &lt;b&gt;Ambos&lt;/b&gt; para executá-la dos dois jeitos ao mesmo tempo e comparar saída, códigos de saída e tempos. O painel sob o formulário mostra a mesma chamada como o Python a escreveria e como TwinRun C++.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>twinrun::JoinBar</name>
    <message>
      <source>Cancel Join</source>
      <translation>Cancelar espera</translation>
    </message>
    <message>
      <source>Stop waiting; the workers go on running</source>
      <translation>Parar de esperar; os workers continuam rodando</translation>
    </message>
    <message>
      <source>Join cancelled: %1 still running</source>
      <translation>Espera cancelada: %1 ainda em execução</translation>
    </message>
    <message>
      <source>%1 still running after %2 s</source>
      <translation>%1 ainda em execução após %2 s</translation>
    </message>
    <message>
      <source>%1 joined: exit code %2</source>
      <translation>%1 terminou: código de saída %2</translation>
    </message>
    <message>
      <source>%1 joined: %2</source>
      <translation>%1 terminou: %2</translation>
    </message>
    <message>
      <source>Joining %1… %2 s left</source>
      <translation>Aguardando %1… faltam %2 s</translation>
    </message>
  </context>
  <context>
    <name>twinrun::LaunchPanel</name>
    <message>
      <source>Launch the form's call (Ctrl+Return)</source>
      <translation>Iniciar a chamada do formulário (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>A keyword argument needs a name</source>
      <translation>Um argumento nomeado precisa de um nome</translation>
    </message>
    <message>
      <source>'%1' is not a valid keyword name</source>
      <translation>'%1' não é um nome de argumento válido</translation>
    </message>
    <message>
      <source>keyword argument repeated: %1</source>
      <translation>argumento nomeado repetido: %1</translation>
    </message>
    <message>
      <source>%1=: %2</source>
      <translation>%1=: %2</translation>
    </message>
    <message>
      <source>&amp;Positional arguments</source>
      <translation>Argumentos &amp;posicionais</translation>
    </message>
    <message>
      <source>&amp;Keyword arguments</source>
      <translation>Argumentos &amp;nomeados</translation>
    </message>
    <message>
      <source>&amp;Daemon</source>
      <translation>Dae&amp;mon</translation>
    </message>
    <message>
      <source>&amp;Launch</source>
      <translation>&amp;Iniciar</translation>
    </message>
    <message>
      <source>&amp;Target</source>
      <translation>A&amp;lvo</translation>
    </message>
    <message>
      <source>Worker</source>
      <translation>Worker</translation>
    </message>
    <message>
      <source>default: Thread-N (target) / Process-N</source>
      <translation>padrão: Thread-N (alvo) / Process-N</translation>
    </message>
    <message>
      <source>A daemon worker is stopped when the app quits; the app waits for the others (and asks you first)</source>
      <translation>Um worker daemon é parado quando o aplicativo fecha; o aplicativo espera pelos outros (e pergunta antes)</translation>
    </message>
    <message>
      <source>Thread</source>
      <translation>Thread</translation>
    </message>
    <message>
      <source>threading.Thread: runs inside this app, shares its memory</source>
      <translation>threading.Thread: roda dentro deste aplicativo, compartilha a memória dele</translation>
    </message>
    <message>
      <source>Process</source>
      <translation>Processo</translation>
    </message>
    <message>
      <source>multiprocessing.Process: a child process of its own (spawn)</source>
      <translation>multiprocessing.Process: um processo filho próprio (spawn)</translation>
    </message>
    <message>
      <source>Both</source>
      <translation>Ambos</translation>
    </message>
    <message>
      <source>The same call as a thread and as a process at once, to compare them</source>
      <translation>A mesma chamada como thread e como processo ao mesmo tempo, para compará-las</translation>
    </message>
    <message>
      <source>spawn</source>
      <translation>spawn</translation>
    </message>
    <message>
      <source>forkserver</source>
      <translation>forkserver</translation>
    </message>
    <message>
      <source>How a process worker starts, like Python's start methods: spawn re-runs TwinRun; forkserver forks a warm helper (faster)</source>
      <translation>Como um worker em processo começa, como os start methods do Python: spawn executa o TwinRun de novo; forkserver faz fork de um auxiliar já carregado (mais rápido)</translation>
    </message>
    <message>
      <source>R&amp;un as:</source>
      <translation>E&amp;xecutar como:</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>N&amp;ome:</translation>
    </message>
    <message>
      <source>This target is not registered.</source>
      <translation>Este alvo não está registrado.</translation>
    </message>
    <message>
      <source>Compare with P&amp;ython</source>
      <translation>Comparar com P&amp;ython</translation>
    </message>
    <message>
      <source>Not available: %1</source>
      <translation>Indisponível: %1</translation>
    </message>
    <message>
      <source>Not available for this target: %1</source>
      <translation>Indisponível para este alvo: %1</translation>
    </message>
    <message>
      <source>Also run the call with CPython's threading.Thread and/or multiprocessing.Process, and compare every run</source>
      <translation>Executa a chamada também com threading.Thread e/ou multiprocessing.Process do CPython e compara todas as execuções</translation>
    </message>
    <message>
      <source>From the plugin %1</source>
      <translation>Do plugin %1</translation>
    </message>
    <message>
      <source>Start &amp;method:</source>
      <translation>&amp;Método de início:</translation>
    </message>
  </context>
  <context>
    <name>twinrun::MainWindow</name>
    <message>
      <source>TwinRun</source>
      <translation>TwinRun</translation>
    </message>
    <message>
      <source>Cancel Closing</source>
      <translation>Cancelar fechamento</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Dispensar</translation>
    </message>
    <message>
      <source>Copied: %1</source>
      <translation>Copiado: %1</translation>
    </message>
    <message>
      <source>expected thread, process, both or a JSON launch spec</source>
      <translation>esperado thread, process, both ou uma especificação JSON</translation>
    </message>
    <message>
      <source>TWINRUN_DEMO_LAUNCH=%1 was not launched: %2</source>
      <translation>TWINRUN_DEMO_LAUNCH=%1 não foi iniciado: %2</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>Saída</translation>
    </message>
    <message>
      <source>Not launched: the window is closing (Cancel Closing first)</source>
      <translation>Não iniciado: a janela está fechando (cancele o fechamento antes)</translation>
    </message>
    <message>
      <source>%1 failed to start: %2</source>
      <translation>%1 não iniciou: %2</translation>
    </message>
    <message>
      <source>Launched %1</source>
      <translation>Iniciado: %1</translation>
    </message>
    <message>
      <source> and </source>
      <translation> e </translation>
    </message>
    <message>
      <source>Select a worker launched in Both mode to compare its two runs</source>
      <translation>Selecione um worker iniciado no modo Ambos para comparar as duas execuções</translation>
    </message>
    <message>
      <source>Running: %1 · %2</source>
      <translation>Em execução: %1 · %2</translation>
    </message>
    <message>
      <source>The window will close when the running worker has ended. Nothing new can be launched meanwhile.</source>
      <translation>A janela fechará quando o worker em execução terminar. Nada novo pode ser iniciado enquanto isso.</translation>
    </message>
    <message>
      <source>The window will close when the %1 running workers have ended. Nothing new can be launched meanwhile.</source>
      <translation>A janela fechará quando os %1 workers em execução terminarem. Nada novo pode ser iniciado enquanto isso.</translation>
    </message>
    <message>
      <source>The window is closing: Cancel Closing to launch again</source>
      <translation>A janela está fechando: cancele o fechamento para iniciar de novo</translation>
    </message>
    <message>
      <source>Closing cancelled</source>
      <translation>Fechamento cancelado</translation>
    </message>
    <message>
      <source>The form is not a valid call: %1</source>
      <translation>O formulário não é uma chamada válida: %1</translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>Não foi possível abrir %1: %2</translation>
    </message>
    <message>
      <source>Opened %1</source>
      <translation>Aberto: %1</translation>
    </message>
    <message>
      <source>Save Preset</source>
      <translation>Salvar preset</translation>
    </message>
    <message>
      <source>TwinRun presets (*.json)</source>
      <translation>Presets do TwinRun (*.json)</translation>
    </message>
    <message>
      <source>Output Line Limit</source>
      <translation>Limite de linhas da saída</translation>
    </message>
    <message>
      <source>Lines kept per worker (the view shows them, Save writes them; earlier ones are dropped and counted):</source>
      <translation>Linhas guardadas por worker (a visão as mostra, Salvar as grava; as anteriores são descartadas e contadas):</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Arquivo</translation>
    </message>
    <message>
      <source>Reset Form to the Seed Example</source>
      <translation>Voltar o formulário ao exemplo original</translation>
    </message>
    <message>
      <source>&amp;Open Preset...</source>
      <translation>&amp;Abrir preset...</translation>
    </message>
    <message>
      <source>Open Preset</source>
      <translation>Abrir preset</translation>
    </message>
    <message>
      <source>&amp;Save Preset...</source>
      <translation>&amp;Salvar preset...</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Sair</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Editar</translation>
    </message>
    <message>
      <source>&amp;Find in Output</source>
      <translation>&amp;Localizar na saída</translation>
    </message>
    <message>
      <source>Filter &amp;Workers</source>
      <translation>Filtrar &amp;workers</translation>
    </message>
    <message>
      <source>Output &amp;Line Limit…</source>
      <translation>Limite de &amp;linhas da saída…</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Visualizar</translation>
    </message>
    <message>
      <source>&amp;Code Panel (Python and C++)</source>
      <translation>Painel de &amp;código (Python e C++)</translation>
    </message>
    <message>
      <source>&amp;Workers</source>
      <translation>&amp;Workers</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Aj&amp;uda</translation>
    </message>
    <message>
      <source>&amp;What Is This? Threads and Processes</source>
      <translation>&amp;O que é isto? Threads e processos</translation>
    </message>
    <message>
      <source>Threads and Processes</source>
      <translation>Threads e processos</translation>
    </message>
    <message>
      <source>The &amp;Command Line</source>
      <translation>A linha de &amp;comando</translation>
    </message>
    <message>
      <source>The Command Line</source>
      <translation>A linha de comando</translation>
    </message>
    <message>
      <source>&amp;About TwinRun</source>
      <translation>&amp;Sobre o TwinRun</translation>
    </message>
    <message>
      <source>About TwinRun</source>
      <translation>Sobre o TwinRun</translation>
    </message>
    <message>
      <source>&lt;h3&gt;TwinRun %1&lt;/h3&gt;&lt;p&gt;Python's &lt;tt&gt;threading.Thread&lt;/tt&gt; and &lt;tt&gt;multiprocessing.Process&lt;/tt&gt;, in C++ and Qt: one Worker API, a thread backend and a process backend. Launch a call both ways and compare.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;TwinRun %1&lt;/h3&gt;&lt;p&gt;&lt;tt&gt;threading.Thread&lt;/tt&gt; e &lt;tt&gt;multiprocessing.Process&lt;/tt&gt; do Python, em C++ e Qt: uma API Worker, um backend de thread e um de processo. Inicie uma chamada dos dois jeitos e compare.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>1 thread</source>
      <translation>1 thread</translation>
    </message>
    <message>
      <source>%1 threads</source>
      <translation>%1 threads</translation>
    </message>
    <message>
      <source>1 process</source>
      <translation>1 processo</translation>
    </message>
    <message>
      <source>%1 processes</source>
      <translation>%1 processos</translation>
    </message>
    <message>
      <source>&amp;Benchmark…</source>
      <translation>&amp;Benchmark…</translation>
    </message>
    <message>
      <source>T&amp;ools</source>
      <translation>&amp;Ferramentas</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Linha do tempo</translation>
    </message>
    <message>
      <source>Load &amp;Plugin…</source>
      <translation>Carregar &amp;plugin…</translation>
    </message>
    <message>
      <source>Load a plugin (a lib&lt;name&gt;.so built with twinrun_add_plugin): its targets join the list</source>
      <translation>Carrega um plugin (uma lib&lt;nome&gt;.so feita com twinrun_add_plugin): seus alvos entram na lista</translation>
    </message>
    <message>
      <source>Checking the plugin %1…</source>
      <translation>Verificando o plugin %1…</translation>
    </message>
    <message>
      <source>Plugins not loaded (File &gt; Load Plugin… tries again):
%1</source>
      <translation>Plugins não carregados (Arquivo &gt; Carregar plugin… tenta de novo):
%1</translation>
    </message>
    <message>
      <source>Load Plugin</source>
      <translation>Carregar plugin</translation>
    </message>
    <message>
      <source>TwinRun plugins (*.so)</source>
      <translation>Plugins do TwinRun (*.so)</translation>
    </message>
    <message numerus="yes">
      <source>Loaded the plugin %1: %n target(s)</source>
      <translation>
        <numerusform>Plugin %1 carregado: %n alvo</numerusform>
        <numerusform>Plugin %1 carregado: %n alvos</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 runs as a thread inside TwinRun, as every plugin target run as a thread does: if it crashes, TwinRun ends with it; if it never returns, it cannot be killed. Run it as a process to keep it isolated. (Said once for the plugin %2.)</source>
      <translation>%1 roda como thread dentro do TwinRun, como todo alvo de plugin rodado como thread: se ele falhar, o TwinRun termina junto; se nunca retornar, não pode ser morto. Rode-o como processo para mantê-lo isolado. (Dito uma vez para o plugin %2.)</translation>
    </message>
    <message>
      <source>Compare Runs</source>
      <translation>Comparar execuções</translation>
    </message>
  </context>
  <context>
    <name>twinrun::OutputPane</name>
    <message>
      <source>Find</source>
      <translation>Localizar</translation>
    </message>
    <message>
      <source>Find in the output (Ctrl+F)</source>
      <translation>Localizar na saída (Ctrl+F)</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Copiar</translation>
    </message>
    <message>
      <source>Copy the selection, or the whole output when nothing is selected</source>
      <translation>Copiar a seleção, ou a saída inteira quando nada está selecionado</translation>
    </message>
    <message>
      <source>Save…</source>
      <translation>Salvar…</translation>
    </message>
    <message>
      <source>Save the output to a file</source>
      <translation>Salvar a saída num arquivo</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Limpar</translation>
    </message>
    <message>
      <source>Clear this worker's output</source>
      <translation>Limpar a saída deste worker</translation>
    </message>
    <message numerus="yes">
      <source>Copied %n line(s) to the clipboard</source>
      <translation>
        <numerusform>%n linha copiada para a área de transferência</numerusform>
        <numerusform>%n linhas copiadas para a área de transferência</numerusform>
      </translation>
    </message>
    <message>
      <source>Save Output</source>
      <translation>Salvar saída</translation>
    </message>
    <message>
      <source>Logs (*.log *.txt);;All files (*)</source>
      <translation>Logs (*.log *.txt);;Todos os arquivos (*)</translation>
    </message>
    <message>
      <source>[TwinRun: 1 earlier line was dropped; the log keeps the last %1]</source>
      <translation>[TwinRun: 1 linha anterior foi descartada; o log guarda as últimas %1]</translation>
    </message>
    <message>
      <source>[TwinRun: %1 earlier lines were dropped; the log keeps the last %2]</source>
      <translation>[TwinRun: %1 linhas anteriores foram descartadas; o log guarda as últimas %2]</translation>
    </message>
    <message>
      <source>Saved %1 lines to %2</source>
      <translation>%1 linhas salvas em %2</translation>
    </message>
    <message>
      <source>Could not save %1: %2</source>
      <translation>Não foi possível salvar %1: %2</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>Saída</translation>
    </message>
    <message>
      <source>%1 — %2</source>
      <translation>%1 — %2</translation>
    </message>
    <message>
      <source>, exit code %1</source>
      <translation>, código de saída %1</translation>
    </message>
    <message>
      <source>Failed to start: %1</source>
      <translation>Não iniciou: %1</translation>
    </message>
    <message>
      <source>1 earlier line dropped</source>
      <translation>1 linha anterior descartada</translation>
    </message>
    <message>
      <source>%1 earlier lines dropped</source>
      <translation>%1 linhas anteriores descartadas</translation>
    </message>
  </context>
  <context>
    <name>twinrun::OutputView</name>
    <message>
      <source>No output</source>
      <translation>Sem saída</translation>
    </message>
  </context>
  <context>
    <name>twinrun::Parity</name>
    <message>
      <source>a Python thread has no exit code; TwinRun gives a thread the process meaning (0, N for exit(N), 1 for an uncaught error)</source>
      <translation>uma thread do Python não tem código de saída; o TwinRun dá a uma thread o sentido de processo (0, N para exit(N), 1 para um erro não capturado)</translation>
    </message>
    <message>
      <source>an uncaught error: TwinRun prints 'RuntimeError: &lt;message&gt;', Python a traceback ending in that same line</source>
      <translation>um erro não capturado: o TwinRun imprime 'RuntimeError: &lt;mensagem&gt;', o Python um traceback que termina nessa mesma linha</translation>
    </message>
    <message>
      <source>a thread cannot be killed: kill() on a thread is refused (TwinRun) or does not exist (Python, which cannot terminate() one either); the stopped run's output is a prefix of the other's</source>
      <translation>uma thread não pode ser morta: kill() numa thread é recusado (TwinRun) ou não existe (Python, que também não consegue terminate() nela); a saída da execução parada é um prefixo da outra</translation>
    </message>
    <message>
      <source>whoami prints the same lines with values that differ by nature (name, pid, ident)</source>
      <translation>whoami imprime as mesmas linhas com valores que diferem por natureza (nome, pid, ident)</translation>
    </message>
    <message>
      <source>TwinRun thread</source>
      <translation>thread do TwinRun</translation>
    </message>
    <message>
      <source>TwinRun process</source>
      <translation>processo do TwinRun</translation>
    </message>
    <message>
      <source>Python Thread</source>
      <translation>Thread do Python</translation>
    </message>
    <message>
      <source>Python Process</source>
      <translation>Process do Python</translation>
    </message>
    <message>
      <source>incomplete: the %1 has not ended</source>
      <translation>incompletos: %1 ainda não terminou</translation>
    </message>
    <message>
      <source>incomplete: the output could not be compared (%1)</source>
      <translation>incompletos: a saída não pôde ser comparada (%1)</translation>
    </message>
    <message>
      <source>stdout differs from line %1</source>
      <translation>stdout difere a partir da linha %1</translation>
    </message>
    <message>
      <source>stderr differs from line %1</source>
      <translation>stderr difere a partir da linha %1</translation>
    </message>
    <message>
      <source>exit codes differ</source>
      <translation>códigos de saída diferem</translation>
    </message>
    <message>
      <source>states differ</source>
      <translation>estados diferem</translation>
    </message>
    <message>
      <source>different: %1</source>
      <translation>diferentes: %1</translation>
    </message>
    <message>
      <source>differs as documented: %1</source>
      <translation>diferem como documentado: %1</translation>
    </message>
    <message>
      <source>identical: same stdout, stderr and exit code</source>
      <translation>idênticos: mesma stdout, stderr e código de saída</translation>
    </message>
    <message>
      <source>a thread's exit code</source>
      <translation>código de saída de thread</translation>
    </message>
    <message>
      <source>Python's traceback</source>
      <translation>traceback do Python</translation>
    </message>
    <message>
      <source>a thread cannot be stopped</source>
      <translation>thread não pode ser parada</translation>
    </message>
    <message>
      <source>values that differ by nature</source>
      <translation>valores que diferem por natureza</translation>
    </message>
  </context>
  <context>
    <name>twinrun::ParityPanel</name>
    <message>
      <source>Python — thread</source>
      <translation>Python — thread</translation>
    </message>
    <message>
      <source>Python — process</source>
      <translation>Python — processo</translation>
    </message>
    <message>
      <source>TwinRun C++</source>
      <translation>TwinRun C++</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Copiar</translation>
    </message>
    <message>
      <source>Copy to the clipboard</source>
      <translation>Copiar para a área de transferência</translation>
    </message>
    <message>
      <source># Not a valid call yet: %1</source>
      <translation># Ainda não é uma chamada válida: %1</translation>
    </message>
  </context>
  <context>
    <name>twinrun::Plugin</name>
    <message>
      <source>is a damaged shared library (its section table)</source>
      <translation>é uma biblioteca compartilhada danificada (sua tabela de seções)</translation>
    </message>
    <message>
      <source>has a damaged TwinRun plugin marker</source>
      <translation>tem um marcador de plugin do TwinRun danificado</translation>
    </message>
    <message>
      <source>is not a TwinRun plugin (a shared library without the marker TWINRUN_PLUGIN() writes; see &lt;twinrun/plugin.h&gt;)</source>
      <translation>não é um plugin do TwinRun (uma biblioteca compartilhada sem o marcador que TWINRUN_PLUGIN() grava; veja &lt;twinrun/plugin.h&gt;)</translation>
    </message>
    <message>
      <source>plugin %1</source>
      <extracomment>How every plugin refusal starts: "plugin '/x/libp.so': no such file".</extracomment>
      <translation>plugin %1</translation>
    </message>
    <message>
      <source>no file given</source>
      <translation>nenhum arquivo informado</translation>
    </message>
    <message>
      <source>no such file</source>
      <translation>arquivo inexistente</translation>
    </message>
    <message>
      <source>is a directory, not a plugin file</source>
      <translation>é uma pasta, não um arquivo de plugin</translation>
    </message>
    <message>
      <source>is not a regular file (a FIFO, a device or a socket), not a plugin file</source>
      <translation>não é um arquivo comum (é um FIFO, um dispositivo ou um socket), não um arquivo de plugin</translation>
    </message>
    <message>
      <source>cannot be read: %1</source>
      <translation>não pode ser lido: %1</translation>
    </message>
    <message>
      <source>is not a shared library (not an ELF file)</source>
      <translation>não é uma biblioteca compartilhada (não é um arquivo ELF)</translation>
    </message>
    <message>
      <source>is built for another kind of machine</source>
      <translation>foi compilado para outro tipo de máquina</translation>
    </message>
    <message>
      <source>is an ELF file but not a shared library</source>
      <translation>é um arquivo ELF, mas não uma biblioteca compartilhada</translation>
    </message>
    <message>
      <source>built for TwinRun SDK %1, this is %2: rebuild it against this TwinRun</source>
      <translation>compilado para o SDK do TwinRun %1, este é o %2: recompile-o com este TwinRun</translation>
    </message>
    <message>
      <source>its name %1 is not a Python identifier</source>
      <translation>seu nome %1 não é um identificador Python</translation>
    </message>
    <message>
      <source>its target %1 clashes with one already loaded</source>
      <translation>seu alvo %1 colide com um já carregado</translation>
    </message>
    <message>
      <source>its target %1 clashes with one already loaded from %2</source>
      <translation>seu alvo %1 colide com um já carregado de %2</translation>
    </message>
    <message>
      <source>cannot be loaded: %1</source>
      <translation>não pode ser carregado: %1</translation>
    </message>
    <message>
      <source>has a TwinRun marker but no entry point (%1)</source>
      <translation>tem um marcador do TwinRun, mas nenhum ponto de entrada (%1)</translation>
    </message>
    <message>
      <source>failed while adding its targets: %1</source>
      <translation>falhou ao adicionar seus alvos: %1</translation>
    </message>
    <message>
      <source>failed while adding its targets</source>
      <translation>falhou ao adicionar seus alvos</translation>
    </message>
    <message>
      <source>a plugin named %1 is already loaded, from %2</source>
      <translation>um plugin chamado %1 já está carregado, de %2</translation>
    </message>
    <message>
      <source>cannot be checked: could not run %1: %2</source>
      <translation>não pode ser verificado: não foi possível executar %1: %2</translation>
    </message>
    <message>
      <source>did not answer in %1 s while loading (it hangs)</source>
      <translation>não respondeu em %1 s ao carregar (ele trava)</translation>
    </message>
    <message>
      <source>crashed at exit, after loading: %1</source>
      <translation>caiu ao sair, depois de carregar: %1</translation>
    </message>
    <message>
      <source>crashed while loading: %1</source>
      <translation>caiu ao carregar: %1</translation>
    </message>
    <message>
      <source>exited with code %1 while loading</source>
      <translation>saiu com código %1 ao carregar</translation>
    </message>
    <message>
      <source>gave no valid answer while loading</source>
      <translation>não deu uma resposta válida ao carregar</translation>
    </message>
    <message>
      <source>changed since it was checked</source>
      <translation>mudou desde que foi verificado</translation>
    </message>
    <message>
      <source>added other targets here than in its check</source>
      <translation>adicionou aqui alvos diferentes dos da verificação</translation>
    </message>
    <message>
      <source>parameter %1</source>
      <translation>parâmetro %1</translation>
    </message>
    <message>
      <source>parameter name %1 is not a Python identifier</source>
      <translation>o nome de parâmetro %1 não é um identificador Python</translation>
    </message>
    <message>
      <source>duplicate %1</source>
      <translation>%1 duplicado</translation>
    </message>
    <message>
      <source>%1 is out of order (positional, *args, keyword-only, **kwargs; one *args and one **kwargs at most)</source>
      <translation>%1 está fora de ordem (posicionais, *args, só nomeados, **kwargs; no máximo um *args e um **kwargs)</translation>
    </message>
    <message>
      <source>%1 (*args or **kwargs) cannot have a default</source>
      <translation>%1 (*args ou **kwargs) não pode ter valor padrão</translation>
    </message>
    <message>
      <source>required %1 follows a parameter with a default</source>
      <translation>%1 obrigatório vem depois de um parâmetro com valor padrão</translation>
    </message>
    <message>
      <source>%1 takes %2, but its default %3 is of type %4</source>
      <translation>%1 aceita %2, mas seu valor padrão %3 é do tipo %4</translation>
    </message>
    <message>
      <source>adds no targets</source>
      <translation>não adiciona nenhum alvo</translation>
    </message>
    <message>
      <source>target name %1 is not a Python identifier</source>
      <translation>o nome de alvo %1 não é um identificador Python</translation>
    </message>
    <message>
      <source>target %1</source>
      <translation>alvo %1</translation>
    </message>
    <message>
      <source>adds %1 twice</source>
      <translation>adiciona %1 duas vezes</translation>
    </message>
    <message>
      <source>%1 has no function to run</source>
      <translation>%1 não tem função para executar</translation>
    </message>
    <message>
      <source>%1: its description and thread refusal must be one line each</source>
      <translation>%1: sua descrição e sua recusa de thread devem ter uma linha cada</translation>
    </message>
    <message>
      <source>%1 has a signature TwinRun cannot represent: %2</source>
      <translation>%1 tem uma assinatura que o TwinRun não consegue representar: %2</translation>
    </message>
    <message>
      <source>the check was cancelled</source>
      <translation>a verificação foi cancelada</translation>
    </message>
    <message>
      <source>was refused while loading, for a reason TwinRun cannot read</source>
      <translation>foi recusado ao carregar, por um motivo que o TwinRun não consegue ler</translation>
    </message>
  </context>
  <context>
    <name>twinrun::Python</name>
    <message>
      <source>python3 was not found on PATH: install Python 3 (or give the interpreter's path) to compare with CPython</source>
      <translation>python3 não foi encontrado no PATH: instale o Python 3 (ou informe o caminho do interpretador) para comparar com o CPython</translation>
    </message>
    <message>
      <source>the Python interpreter %1 is not an executable file</source>
      <translation>o interpretador Python %1 não é um arquivo executável</translation>
    </message>
    <message>
      <source>TwinRun's Python runner %1 is missing (it is installed with TwinRun, in share/twinrun/python)</source>
      <translation>o executor do Python do TwinRun %1 não foi encontrado (ele é instalado com o TwinRun, em share/twinrun/python)</translation>
    </message>
    <message>
      <source>%1 is a plugin's target: only the built-in targets have a Python twin</source>
      <translation>%1 é um alvo de plugin: só os alvos embutidos têm um gêmeo em Python</translation>
    </message>
    <message>
      <source>%1 is not a known target, so it has no Python twin</source>
      <translation>%1 não é um alvo conhecido, então não tem gêmeo em Python</translation>
    </message>
    <message>
      <source>a Python run can only be started once</source>
      <translation>uma execução do Python só pode ser iniciada uma vez</translation>
    </message>
    <message>
      <source>no temporary folder for the Python runner's report: %1</source>
      <translation>nenhuma pasta temporária para o relatório do executor do Python: %1</translation>
    </message>
    <message>
      <source>could not start %1: %2</source>
      <translation>não foi possível iniciar %1: %2</translation>
    </message>
    <message>
      <source>the Python runner was killed before it reported</source>
      <translation>o executor do Python foi morto antes de relatar</translation>
    </message>
    <message>
      <source>the Python runner ended without a report (exit status %1)</source>
      <translation>o executor do Python terminou sem relatório (status de saída %1)</translation>
    </message>
  </context>
  <context>
    <name>twinrun::RunText</name>
    <message>
      <source>%1, exit code %2, %3</source>
      <translation>%1, código de saída %2, %3</translation>
    </message>
    <message>
      <source>%1, %2</source>
      <translation>%1, %2</translation>
    </message>
    <message>
      <source>%1, CPU %2</source>
      <translation>%1, CPU %2</translation>
    </message>
    <message>
      <source>thread</source>
      <translation>thread</translation>
    </message>
    <message>
      <source>process</source>
      <translation>process</translation>
    </message>
    <message>
      <source>python-thread</source>
      <translation>thread do Python</translation>
    </message>
    <message>
      <source>python-process</source>
      <translation>process do Python</translation>
    </message>
  </context>
  <context>
    <name>twinrun::Spec</name>
    <message>
      <source>a directory</source>
      <translation>uma pasta</translation>
    </message>
    <message>
      <source>a FIFO</source>
      <translation>um FIFO</translation>
    </message>
    <message>
      <source>a socket</source>
      <translation>um socket</translation>
    </message>
    <message>
      <source>a device</source>
      <translation>um dispositivo</translation>
    </message>
    <message>
      <source>a special file</source>
      <translation>um arquivo especial</translation>
    </message>
    <message>
      <source>expected a file name</source>
      <translation>esperado um nome de arquivo</translation>
    </message>
    <message>
      <source>cannot read it: %1</source>
      <translation>não é possível lê-lo: %1</translation>
    </message>
    <message>
      <source>cannot read it: %1, not a regular file</source>
      <extracomment>%1 is the kind of file: "a directory", "a FIFO", ...</extracomment>
      <translation>não é possível lê-lo: é %1, não um arquivo comum</translation>
    </message>
    <message>
      <source>the launch spec file is larger than %1 MiB</source>
      <translation>o arquivo da especificação de lançamento tem mais de %1 MiB</translation>
    </message>
    <message>
      <source>launch spec field 'version': %1</source>
      <extracomment>'version' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'version' da especificação de lançamento: %1</translation>
    </message>
    <message>
      <source>launch spec field 'mode': expected "thread", "process" or "both"</source>
      <extracomment>'mode' is a JSON field name, "thread", "process" and "both" its literal values: keep them as they are.</extracomment>
      <translation>campo 'mode' da especificação de lançamento: esperado "thread", "process" ou "both"</translation>
    </message>
    <message>
      <source>launch spec field 'worker': expected an object</source>
      <extracomment>'worker' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'worker' da especificação de lançamento: esperado um objeto</translation>
    </message>
    <message>
      <source>launch spec field 'worker': %1</source>
      <extracomment>'worker' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'worker' da especificação de lançamento: %1</translation>
    </message>
    <message>
      <source>the launch spec</source>
      <translation>a especificação de lançamento</translation>
    </message>
    <message>
      <source>cannot write %1: %2</source>
      <translation>não é possível gravar %1: %2</translation>
    </message>
    <message>
      <source>spec field 'version': %1</source>
      <extracomment>'version' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'version' da especificação: %1</translation>
    </message>
    <message>
      <source>spec field 'target': expected a target name</source>
      <extracomment>'target' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'target' da especificação: esperado o nome de um alvo</translation>
    </message>
    <message>
      <source>spec field 'args': expected an array of typed values</source>
      <extracomment>'args' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'args' da especificação: esperado um array de valores tipados</translation>
    </message>
    <message>
      <source>spec field 'args[%1]': %2</source>
      <extracomment>'args' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'args[%1]' da especificação: %2</translation>
    </message>
    <message>
      <source>spec field 'kwargs': expected an array of [name, value]</source>
      <extracomment>'kwargs' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'kwargs' da especificação: esperado um array de [nome, valor]</translation>
    </message>
    <message>
      <source>spec field 'kwargs[%1]': expected [name, value]</source>
      <extracomment>'kwargs' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'kwargs[%1]' da especificação: esperado [nome, valor]</translation>
    </message>
    <message>
      <source>spec field 'kwargs[%1]': %2</source>
      <extracomment>'kwargs' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'kwargs[%1]' da especificação: %2</translation>
    </message>
    <message>
      <source>spec field 'name': expected a string</source>
      <extracomment>'name' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'name' da especificação: esperada uma string</translation>
    </message>
    <message>
      <source>spec field 'daemon': expected true or false</source>
      <extracomment>'daemon' is a JSON field name, true and false its literal values: keep them as they are.</extracomment>
      <translation>campo 'daemon' da especificação: esperado true ou false</translation>
    </message>
    <message>
      <source>spec field 'start_method': expected "spawn" or "forkserver"</source>
      <extracomment>'start_method' is a JSON field name, "spawn" and "forkserver" its literal values: keep them as they are.</extracomment>
      <translation>campo 'start_method' da especificação: esperado "spawn" ou "forkserver"</translation>
    </message>
    <message>
      <source>spec field 'plugin': expected the absolute path of a plugin file</source>
      <extracomment>'plugin' is a JSON field name: keep it as it is.</extracomment>
      <translation>campo 'plugin' da especificação: esperado o caminho absoluto de um arquivo de plugin</translation>
    </message>
    <message>
      <source>expected an integer &gt;= 1</source>
      <translation>esperado um inteiro &gt;= 1</translation>
    </message>
    <message>
      <source>version %1 is newer than this TwinRun reads (%2)</source>
      <translation>a versão %1 é mais nova do que este TwinRun lê (%2)</translation>
    </message>
    <message>
      <source>the worker spec is too large: %1 MiB as JSON, over the %2 MiB limit (text counts as JSON text: a control character takes 6 bytes)</source>
      <translation>a especificação do worker é grande demais: %1 MiB em JSON, acima do limite de %2 MiB (o texto conta como texto JSON: um caractere de controle ocupa 6 bytes)</translation>
    </message>
    <message>
      <source>%1 is larger than %2 MiB</source>
      <translation>%1 tem mais de %2 MiB</translation>
    </message>
    <message>
      <source>%1 is not valid JSON (%2 at byte %3)</source>
      <extracomment>%2 is Qt's own description of the JSON error.</extracomment>
      <translation>%1 não é JSON válido (%2 no byte %3)</translation>
    </message>
    <message>
      <source>%1 must be a JSON object</source>
      <translation>%1 deve ser um objeto JSON</translation>
    </message>
    <message>
      <source>a bool</source>
      <translation>um bool</translation>
    </message>
    <message>
      <source>a number</source>
      <translation>um número</translation>
    </message>
    <message>
      <source>a string</source>
      <translation>uma string</translation>
    </message>
    <message>
      <source>an array</source>
      <translation>um array</translation>
    </message>
    <message>
      <source>an object</source>
      <translation>um objeto</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>nada</translation>
    </message>
    <message>
      <source>expected an object {"type": ..., "value": ...}, got %1</source>
      <extracomment>"type" and "value" are JSON field names: keep them as they are.</extracomment>
      <translation>esperado um objeto {"type": ..., "value": ...}, veio %1</translation>
    </message>
    <message>
      <source>a %1 needs %2 as "value", got %3</source>
      <extracomment>"value" is a JSON field name, %1 a Python type name: keep them as they are.</extracomment>
      <translation>um %1 precisa de %2 como "value", veio %3</translation>
    </message>
    <message>
      <source>true or false</source>
      <extracomment>true and false are JSON's literal values: keep them as they are.</extracomment>
      <translation>true ou false</translation>
    </message>
    <message>
      <source>an integer within 64 bits or a string of decimal digits</source>
      <translation>um inteiro de até 64 bits ou uma string de dígitos decimais</translation>
    </message>
    <message>
      <source>a number or "inf", "-inf", "nan", "-0.0"</source>
      <extracomment>"inf", "-inf", "nan" and "-0.0" are literal JSON values: keep them as they are.</extracomment>
      <translation>um número ou "inf", "-inf", "nan", "-0.0"</translation>
    </message>
    <message>
      <source>[real, imag] (numbers or "inf", "-inf", "nan", "-0.0")</source>
      <extracomment>"inf", "-inf", "nan" and "-0.0" are literal JSON values: keep them as they are.</extracomment>
      <translation>[real, imag] (números ou "inf", "-inf", "nan", "-0.0")</translation>
    </message>
    <message>
      <source>a base64 string</source>
      <translation>uma string base64</translation>
    </message>
    <message>
      <source>a string or an array of code points</source>
      <translation>uma string ou um array de pontos de código</translation>
    </message>
    <message>
      <source>an array of [key, value] pairs</source>
      <translation>um array de pares [chave, valor]</translation>
    </message>
    <message>
      <source>%1: a dict item must be a [key, value] array</source>
      <translation>%1: um item de dict deve ser um array [chave, valor]</translation>
    </message>
    <message>
      <source>the object has no "type"</source>
      <extracomment>"type" is a JSON field name: keep it as it is.</extracomment>
      <translation>o objeto não tem "type"</translation>
    </message>
    <message>
      <source>unknown type %1 (expected int, float, complex, str, bytes, bool, NoneType, ellipsis, tuple, list, dict or set)</source>
      <extracomment>The type names are Python's: keep them as they are.</extracomment>
      <translation>tipo desconhecido %1 (esperado int, float, complex, str, bytes, bool, NoneType, ellipsis, tuple, list, dict ou set)</translation>
    </message>
  </context>
  <context>
    <name>twinrun::Target</name>
    <message>
      <source>The seed's example: prints each argument with its Python type.</source>
      <translation>O exemplo original: imprime cada argumento com o seu tipo Python.</translation>
    </message>
    <message>
      <source>Prints 1..n, one a line, waiting delay seconds between (interruptible).</source>
      <translation>Imprime 1..n, um por linha, esperando delay segundos entre eles (interrompível).</translation>
    </message>
    <message>
      <source>Waits, interruptibly; prints one line when done.</source>
      <translation>Espera, de forma interrompível; imprime uma linha ao terminar.</translation>
    </message>
    <message>
      <source>CPU-bound: counts the primes below n and prints the count.</source>
      <translation>Usa a CPU: conta os primos abaixo de n e imprime quantos são.</translation>
    </message>
    <message>
      <source>Raises an error: the message on stderr, exit code 1.</source>
      <translation>Lança um erro: a mensagem na stderr, código de saída 1.</translation>
    </message>
    <message>
      <source>Ends with that exit code, like sys.exit(code).</source>
      <translation>Termina com esse código de saída, como sys.exit(code).</translation>
    </message>
    <message>
      <source>Dies by a signal: 'segv' (SIGSEGV) or 'abort' (SIGABRT). Process only.</source>
      <translation>Morre por um sinal: 'segv' (SIGSEGV) ou 'abort' (SIGABRT). Só como processo.</translation>
    </message>
    <message>
      <source>Prints that many numbered lines of width characters, fast.</source>
      <translation>Imprime essa quantidade de linhas numeradas de width caracteres, rápido.</translation>
    </message>
    <message>
      <source>Does nothing: what launching a worker costs.</source>
      <translation>Não faz nada: o custo de lançar um worker.</translation>
    </message>
    <message>
      <source>Prints the worker's name, backend, pid, ident, native id and parent pid.</source>
      <translation>Imprime o nome do worker, o backend, o pid, o ident, o id nativo e o pid do pai.</translation>
    </message>
    <message>
      <source>Ignores stop requests (SIGTERM too) for a while: why a thread cannot be killed.</source>
      <translation>Ignora pedidos de parada (SIGTERM também) por um tempo: por que uma thread não pode ser morta.</translation>
    </message>
    <message>
      <source>Allocates and touches megabytes MiB, holds them for seconds (interruptible), then frees them and prints one line.</source>
      <translation>Aloca e toca megabytes MiB, mantém-nos por seconds segundos (interrompível), então os libera e imprime uma linha.</translation>
    </message>
  </context>
  <context>
    <name>twinrun::TargetCombo</name>
    <message>
      <source>%1 (unknown target)</source>
      <translation>%1 (alvo desconhecido)</translation>
    </message>
    <message>
      <source>From the plugin %1</source>
      <translation>Do plugin %1</translation>
    </message>
    <message>
      <source>Plugin %1 (%2)</source>
      <translation>Plugin %1 (%2)</translation>
    </message>
  </context>
  <context>
    <name>twinrun::TimelineView</name>
    <message>
      <source>Launch a worker: each run shows here as a bar from its start to its end</source>
      <translation>Lance um worker: cada execução aparece aqui como uma barra do início ao fim</translation>
    </message>
    <message>
      <source>Worker</source>
      <translation>Worker</translation>
    </message>
    <message>
      <source>Zoom In</source>
      <translation>Aproximar</translation>
    </message>
    <message>
      <source>Zoom Out</source>
      <translation>Afastar</translation>
    </message>
    <message>
      <source>Fit All</source>
      <translation>Mostrar tudo</translation>
    </message>
    <message>
      <source>Export as PNG...</source>
      <translation>Exportar como PNG...</translation>
    </message>
    <message>
      <source>Export as SVG...</source>
      <translation>Exportar como SVG...</translation>
    </message>
    <message>
      <source>SVG images (*.svg)</source>
      <translation>Imagens SVG (*.svg)</translation>
    </message>
    <message>
      <source>PNG images (*.png)</source>
      <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
      <source>Export Timeline</source>
      <translation>Exportar linha do tempo</translation>
    </message>
    <message>
      <source>TwinRun timeline</source>
      <translation>Linha do tempo do TwinRun</translation>
    </message>
    <message>
      <source>Cannot write %1</source>
      <translation>Não foi possível gravar %1</translation>
    </message>
    <message>
      <source>This build cannot write SVG (Qt SVG was not found when it was built): export as PNG</source>
      <translation>Esta compilação não grava SVG (o Qt SVG não foi encontrado ao compilar): exporte como PNG</translation>
    </message>
    <message>
      <source>Cannot write %1: %2</source>
      <translation>Não foi possível gravar %1: %2</translation>
    </message>
  </context>
  <context>
    <name>twinrun::Value</name>
    <message>
      <source>base-%1 digits</source>
      <translation>dígitos de base %1</translation>
    </message>
    <message>
      <source>a decimal int cannot have leading zeros (%1)</source>
      <translation>um int decimal não pode ter zeros à esquerda (%1)</translation>
    </message>
    <message>
      <source>at the end</source>
      <translation>no fim</translation>
    </message>
    <message>
      <source>at column %1</source>
      <translation>na coluna %1</translation>
    </message>
    <message>
      <source>expected %1 at the end</source>
      <translation>esperado %1 no fim</translation>
    </message>
    <message>
      <source>expected %1, found %2 %3</source>
      <translation>esperado %1, encontrado %2 %3</translation>
    </message>
    <message>
      <source>unexpected indent %1</source>
      <translation>indentação inesperada %1</translation>
    </message>
    <message>
      <source>a value</source>
      <translation>um valor</translation>
    </message>
    <message>
      <source>the end of the text</source>
      <translation>o fim do texto</translation>
    </message>
    <message>
      <source>',' or the end of the text</source>
      <translation>',' ou o fim do texto</translation>
    </message>
    <message>
      <source>'%1' %2 is an operation, not a literal (literal_eval allows it only in a complex number like 1+2j)</source>
      <translation>'%1' %2 é uma operação, não um literal (literal_eval só a aceita num número complexo como 1+2j)</translation>
    </message>
    <message>
      <source>nested more than %1 levels deep</source>
      <translation>aninhado em mais de %1 níveis</translation>
    </message>
    <message>
      <source>a sign applies only directly to a number (as in ast.literal_eval), not to what is %1</source>
      <translation>um sinal só se aplica diretamente a um número (como em ast.literal_eval), não ao que está %1</translation>
    </message>
    <message>
      <source>%1 %2 is not a literal (the only words that are: True, False, None)</source>
      <extracomment>True, False and None are Python's words: keep them as they are.</extracomment>
      <translation>%1 %2 não é um literal (as únicas palavras que são: True, False, None)</translation>
    </message>
    <message>
      <source>a valid tuple literal</source>
      <translation>um literal de tupla válido</translation>
    </message>
    <message>
      <source>a valid list literal</source>
      <translation>um literal de lista válido</translation>
    </message>
    <message>
      <source>a valid dict or set literal</source>
      <translation>um literal de dict ou set válido</translation>
    </message>
    <message>
      <source>one complete string literal</source>
      <translation>um literal de string completo</translation>
    </message>
    <message>
      <source>%1 is refused: %2</source>
      <translation>%1 é recusado: %2</translation>
    </message>
    <message>
      <source>%1 is not %2: %3</source>
      <translation>%1 não é %2: %3</translation>
    </message>
    <message>
      <source>bytes and str literals cannot be concatenated (%1)</source>
      <translation>literais bytes e str não podem ser concatenados (%1)</translation>
    </message>
    <message>
      <source>an f-string (%1) is not a literal</source>
      <translation>uma f-string (%1) não é um literal</translation>
    </message>
    <message>
      <source>unterminated string starting %1</source>
      <translation>string sem fim que começa %1</translation>
    </message>
    <message>
      <source>a bytes literal holds only ASCII characters (%1)</source>
      <translation>um literal bytes só contém caracteres ASCII (%1)</translation>
    </message>
    <message>
      <source>truncated \xXX escape %1</source>
      <translation>escape \xXX truncado %1</translation>
    </message>
    <message>
      <source>truncated \uXXXX escape %1</source>
      <translation>escape \uXXXX truncado %1</translation>
    </message>
    <message>
      <source>truncated \UXXXXXXXX escape %1</source>
      <translation>escape \UXXXXXXXX truncado %1</translation>
    </message>
    <message>
      <source>illegal Unicode character in \U escape %1</source>
      <translation>caractere Unicode ilegal no escape \U %1</translation>
    </message>
  </context>
  <context>
    <name>twinrun::Worker</name>
    <message>
      <source>created</source>
      <translation>criado</translation>
    </message>
    <message>
      <source>starting</source>
      <translation>iniciando</translation>
    </message>
    <message>
      <source>running</source>
      <translation>em execução</translation>
    </message>
    <message>
      <source>finished</source>
      <translation>concluído</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>falhou</translation>
    </message>
    <message>
      <source>crashed</source>
      <translation>caiu</translation>
    </message>
    <message>
      <source>terminated</source>
      <translation>encerrado</translation>
    </message>
    <message>
      <source>killed</source>
      <translation>morto</translation>
    </message>
    <message>
      <source>failed to start</source>
      <translation>não iniciou</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>removido</translation>
    </message>
  </context>
  <context>
    <name>twinrun::WorkerColumns</name>
    <message>
      <source>&amp;Columns</source>
      <translation>&amp;Colunas</translation>
    </message>
  </context>
  <context>
    <name>twinrun::WorkerFilterModel</name>
    <message>
      <source>still running, cannot be killed</source>
      <translation>ainda em execução, não pode ser morta</translation>
    </message>
    <message>
      <source>stop requested</source>
      <translation>parada pedida</translation>
    </message>
    <message>
      <source>%1 — %2</source>
      <translation>%1 — %2</translation>
    </message>
  </context>
  <context>
    <name>twinrun::WorkerTableModel</name>
    <message>
      <source>Name</source>
      <translation>Nome</translation>
    </message>
    <message>
      <source>Backend</source>
      <translation>Backend</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>Chamada</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Estado</translation>
    </message>
    <message>
      <source>Ident</source>
      <translation>Ident</translation>
    </message>
    <message>
      <source>Exit code</source>
      <translation>Código de saída</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>Início</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>Duração</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>Linhas</translation>
    </message>
    <message>
      <source>CPU time</source>
      <translation>Tempo de CPU</translation>
    </message>
    <message>
      <source>CPU %</source>
      <translation>CPU %</translation>
    </message>
    <message>
      <source>Memory</source>
      <translation>Memória</translation>
    </message>
    <message>
      <source>Threads</source>
      <translation>Threads</translation>
    </message>
    <message>
      <source>Switches</source>
      <translation>Trocas</translation>
    </message>
    <message>
      <source>user %1, system %2%3</source>
      <translation>usuário %1, sistema %2%3</translation>
    </message>
    <message>
      <source> (sampled while it ran)</source>
      <translation> (amostrado durante a execução)</translation>
    </message>
    <message>
      <source>Average over the whole run: 100% is one CPU all the time</source>
      <translation>Média da execução inteira: 100% é uma CPU o tempo todo</translation>
    </message>
    <message>
      <source>Over the last sampling interval: 100% is one CPU all the time</source>
      <translation>No último intervalo de amostragem: 100% é uma CPU o tempo todo</translation>
    </message>
    <message>
      <source>A thread has no memory of its own: the app's resident memory is %1 (peak %2)</source>
      <translation>Uma thread não tem memória própria: a memória residente do app é %1 (pico %2)</translation>
    </message>
    <message>
      <source>Resident memory now / at its peak</source>
      <translation>Memória residente agora / no pico</translation>
    </message>
    <message>
      <source>Context switches: voluntary (waiting) / involuntary (preempted)</source>
      <translation>Trocas de contexto: voluntárias (esperando) / involuntárias (preemptadas)</translation>
    </message>
    <message>
      <source>shared with the app</source>
      <translation>compartilhada com o app</translation>
    </message>
    <message>
      <source>peak %1</source>
      <translation>pico %1</translation>
    </message>
  </context>
  <context>
    <name>twinrun::WorkersPanel</name>
    <message>
      <source>A thread cannot be killed: it shares the app's memory, so stopping it from outside could leave locks held and data half-written. Use Terminate to ask it to stop.</source>
      <translation>Uma thread não pode ser morta: ela compartilha a memória do aplicativo, e pará-la de fora poderia deixar locks presos e dados pela metade. Use Encerrar para pedir que pare.</translation>
    </message>
    <message>
      <source>Join</source>
      <translation>Aguardar</translation>
    </message>
    <message>
      <source>Terminate</source>
      <translation>Encerrar</translation>
    </message>
    <message>
      <source>Kill</source>
      <translation>Matar</translation>
    </message>
    <message>
      <source>Re-run</source>
      <translation>Executar de novo</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Remover</translation>
    </message>
    <message>
      <source>Clear Finished</source>
      <translation>Limpar terminados</translation>
    </message>
    <message>
      <source>Join &amp;Timeout…</source>
      <translation>&amp;Tempo limite da espera…</translation>
    </message>
    <message>
      <source>Filter workers</source>
      <translation>Filtrar workers</translation>
    </message>
    <message>
      <source>Shows the rows where any column contains the text (any case)</source>
      <translation>Mostra as linhas em que alguma coluna contém o texto (maiúsculas ou minúsculas)</translation>
    </message>
    <message>
      <source>Join Timeout</source>
      <translation>Tempo limite da espera</translation>
    </message>
    <message>
      <source>Join waits at most (seconds):</source>
      <translation>A espera dura no máximo (segundos):</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>Asked %1 to stop</source>
      <translation>Pedido a %1 que pare</translation>
    </message>
    <message>
      <source>Sent SIGTERM to %1</source>
      <translation>SIGTERM enviado a %1</translation>
    </message>
    <message>
      <source>Sent SIGKILL to %1</source>
      <translation>SIGKILL enviado a %1</translation>
    </message>
    <message>
      <source>Not removed while running: %1 (terminate first)</source>
      <translation>Não removidos enquanto em execução: %1 (encerre antes)</translation>
    </message>
    <message>
      <source>Kill the process at once (SIGKILL, exit code -9)</source>
      <translation>Matar o processo na hora (SIGKILL, código de saída -9)</translation>
    </message>
    <message>
      <source>A running worker cannot be removed: terminate it first</source>
      <translation>Um worker em execução não pode ser removido: encerre-o antes</translation>
    </message>
    <message>
      <source>Remove the selected workers that have ended (Delete)</source>
      <translation>Remover os workers selecionados que terminaram (Delete)</translation>
    </message>
  </context>
  <context>
    <name>twinrun::benchfigures</name>
    <message>
      <source>TwinRun</source>
      <translation>TwinRun</translation>
    </message>
    <message>
      <source>Floor</source>
      <translation>Piso</translation>
    </message>
    <message>
      <source>Python</source>
      <translation>Python</translation>
    </message>
    <message>
      <source>%1 MB/s</source>
      <translation>%1 MB/s</translation>
    </message>
  </context>
</TS>