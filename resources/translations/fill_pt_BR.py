#!/usr/bin/env python3
"""Fills twinrun_pt_BR.ts from the table below (a maintainer's tool: run after
`cmake --build build --target update_translations`, add the new strings here, run again).
Entries whose source is not in the table are left unfinished, which the
translations_complete test reports."""
import pathlib
import xml.etree.ElementTree as ET

PT = {
    # ComparePanel
    'Not compared: these runs are not the two halves of one Both launch':
        'Não comparados: estas execuções não são as duas metades de um lançamento Ambos',
    # Python in the loop (issue 13): ComparePanel's Python columns and differences, LaunchPanel
    '&Previous Difference': 'Diferença &anterior',
    '&Next Difference': '&Próxima diferença',
    'Show the previous line that differs (Shift+F8)': 'Mostra a linha diferente anterior (Shift+F8)',
    'Show the next line that differs (F8)': 'Mostra a próxima linha diferente (F8)',
    'Python Thread': 'Thread do Python',
    'Python Process': 'Process do Python',
    'CPU %1': 'CPU %1',
    'Launch in Both mode, or with Compare with Python, to compare runs':
        'Lance no modo Ambos, ou com Comparar com Python, para comparar execuções',
    'Running: the verdict comes when every run has ended':
        'Em execução: o veredito vem quando todas as execuções terminarem',
    'Difference %1 of %2': 'Diferença %1 de %2',
    '%1 vs %2': '%1 vs %2',
    '%1: %2': '%1: %2',
    'identical': 'idênticos',
    'differs as documented (%1)': 'diferem como documentado (%1)',
    'Compare with P&ython': 'Comparar com P&ython',
    'Not available: %1': 'Indisponível: %1',
    'Not available for this target: %1': 'Indisponível para este alvo: %1',
    "Also run the call with CPython's threading.Thread and/or multiprocessing.Process, and compare every run":
        'Executa a chamada também com threading.Thread e/ou multiprocessing.Process do CPython e compara todas as execuções',
    # pluginui (issue 10): plugins in the window (TargetCombo, LaunchPanel, MainWindow)
    'From the plugin %1': 'Do plugin %1',
    'Plugin %1 (%2)': 'Plugin %1 (%2)',
    'Checking the plugin %1…': 'Verificando o plugin %1…',
    'Plugins not loaded (File > Load Plugin… tries again):\n%1':
        'Plugins não carregados (Arquivo > Carregar plugin… tenta de novo):\n%1',
    'Load Plugin': 'Carregar plugin',
    'TwinRun plugins (*.so)': 'Plugins do TwinRun (*.so)',
    'Load &Plugin…': 'Carregar &plugin…',
    'Load a plugin (a lib<name>.so built with twinrun_add_plugin): its targets join the list':
        'Carrega um plugin (uma lib<nome>.so feita com twinrun_add_plugin): seus alvos entram na lista',
    '%1 runs as a thread inside TwinRun, as every plugin target run as a thread does: if it crashes, TwinRun ends with it; if it never returns, it cannot be killed. Run it as a process to keep it isolated. (Said once for the plugin %2.)':
        '%1 roda como thread dentro do TwinRun, como todo alvo de plugin rodado como thread: se ele falhar, o TwinRun termina junto; se nunca retornar, não pode ser morto. Rode-o como processo para mantê-lo isolado. (Dito uma vez para o plugin %2.)',
    # The launch form's start method row
    'Start &method:': '&Método de início:',
    # polish (issues 11 and 13 leftovers): the compare tab's title, every run's wall and CPU time
    'Compare Runs': 'Comparar execuções',
    '%1, CPU %2': '%1, CPU %2',
    # library messages (issue 12): made in workers/ and model/, read in the window and the CLI.
    # Plugin refusals (twinrun::Plugin)
    'no file given': 'nenhum arquivo informado',
    'no such file': 'arquivo inexistente',
    'is a directory, not a plugin file': 'é uma pasta, não um arquivo de plugin',
    'is not a regular file (a FIFO, a device or a socket), not a plugin file':
        'não é um arquivo comum (é um FIFO, um dispositivo ou um socket), não um arquivo de plugin',
    'cannot be read: %1': 'não pode ser lido: %1',
    'is not a shared library (not an ELF file)': 'não é uma biblioteca compartilhada (não é um arquivo ELF)',
    'is built for another kind of machine': 'foi compilado para outro tipo de máquina',
    'is an ELF file but not a shared library': 'é um arquivo ELF, mas não uma biblioteca compartilhada',
    'is a damaged shared library (its section table)': 'é uma biblioteca compartilhada danificada (sua tabela de seções)',
    'has a damaged TwinRun plugin marker': 'tem um marcador de plugin do TwinRun danificado',
    'is not a TwinRun plugin (a shared library without the marker TWINRUN_PLUGIN() writes; see <twinrun/plugin.h>)':
        'não é um plugin do TwinRun (uma biblioteca compartilhada sem o marcador que TWINRUN_PLUGIN() grava; veja <twinrun/plugin.h>)',
    'built for TwinRun SDK %1, this is %2: rebuild it against this TwinRun':
        'compilado para o SDK do TwinRun %1, este é o %2: recompile-o com este TwinRun',
    'its name %1 is not a Python identifier': 'seu nome %1 não é um identificador Python',
    'cannot be loaded: %1': 'não pode ser carregado: %1',
    'has a TwinRun marker but no entry point (%1)': 'tem um marcador do TwinRun, mas nenhum ponto de entrada (%1)',
    'failed while adding its targets: %1': 'falhou ao adicionar seus alvos: %1',
    'failed while adding its targets': 'falhou ao adicionar seus alvos',
    'a plugin named %1 is already loaded, from %2': 'um plugin chamado %1 já está carregado, de %2',
    'its target %1 clashes with one already loaded': 'seu alvo %1 colide com um já carregado',
    'its target %1 clashes with one already loaded from %2': 'seu alvo %1 colide com um já carregado de %2',
    'cannot be checked: could not run %1: %2': 'não pode ser verificado: não foi possível executar %1: %2',
    'the check was cancelled': 'a verificação foi cancelada',
    'did not answer in %1 s while loading (it hangs)': 'não respondeu em %1 s ao carregar (ele trava)',
    'crashed at exit, after loading: %1': 'caiu ao sair, depois de carregar: %1',
    'crashed while loading: %1': 'caiu ao carregar: %1',
    'exited with code %1 while loading': 'saiu com código %1 ao carregar',
    'gave no valid answer while loading': 'não deu uma resposta válida ao carregar',
    # The probe's refusals as data (probetext): an answer the app cannot read
    'was refused while loading, for a reason TwinRun cannot read':
        'foi recusado ao carregar, por um motivo que o TwinRun não consegue ler',
    'changed since it was checked': 'mudou desde que foi verificado',
    'added other targets here than in its check': 'adicionou aqui alvos diferentes dos da verificação',
    'parameter %1': 'parâmetro %1',
    'parameter name %1 is not a Python identifier': 'o nome de parâmetro %1 não é um identificador Python',
    'duplicate %1': '%1 duplicado',
    '%1 is out of order (positional, *args, keyword-only, **kwargs; one *args and one **kwargs at most)':
        '%1 está fora de ordem (posicionais, *args, só nomeados, **kwargs; no máximo um *args e um **kwargs)',
    '%1 (*args or **kwargs) cannot have a default': '%1 (*args ou **kwargs) não pode ter valor padrão',
    'required %1 follows a parameter with a default': '%1 obrigatório vem depois de um parâmetro com valor padrão',
    '%1 takes %2, but its default %3 is of type %4': '%1 aceita %2, mas seu valor padrão %3 é do tipo %4',
    'adds no targets': 'não adiciona nenhum alvo',
    'target name %1 is not a Python identifier': 'o nome de alvo %1 não é um identificador Python',
    'target %1': 'alvo %1',
    'adds %1 twice': 'adiciona %1 duas vezes',
    '%1 has no function to run': '%1 não tem função para executar',
    '%1: its description and thread refusal must be one line each':
        '%1: sua descrição e sua recusa de thread devem ter uma linha cada',
    '%1 has a signature TwinRun cannot represent: %2': '%1 tem uma assinatura que o TwinRun não consegue representar: %2',
    # Spec read errors (twinrun::Spec): JSON field names and literal values stay as they are
    'a bool': 'um bool',
    'a number': 'um número',
    'a string': 'uma string',
    'an array': 'um array',
    'an object': 'um objeto',
    'nothing': 'nada',
    'a base64 string': 'uma string base64',
    'a string or an array of code points': 'uma string ou um array de pontos de código',
    'an array of [key, value] pairs': 'um array de pares [chave, valor]',
    'an integer within 64 bits or a string of decimal digits':
        'um inteiro de até 64 bits ou uma string de dígitos decimais',
    'expected an object {"type": ..., "value": ...}, got %1': 'esperado um objeto {"type": ..., "value": ...}, veio %1',
    'a %1 needs %2 as "value", got %3': 'um %1 precisa de %2 como "value", veio %3',
    'a number or "inf", "-inf", "nan", "-0.0"': 'um número ou "inf", "-inf", "nan", "-0.0"',
    '[real, imag] (numbers or "inf", "-inf", "nan", "-0.0")': '[real, imag] (números ou "inf", "-inf", "nan", "-0.0")',
    '%1: a dict item must be a [key, value] array': '%1: um item de dict deve ser um array [chave, valor]',
    'the object has no "type"': 'o objeto não tem "type"',
    'unknown type %1 (expected int, float, complex, str, bytes, bool, NoneType, ellipsis, tuple, list, dict or set)':
        'tipo desconhecido %1 (esperado int, float, complex, str, bytes, bool, NoneType, ellipsis, tuple, list, dict ou set)',
    'true or false': 'true ou false',
    "spec field 'version': %1": "campo 'version' da especificação: %1",
    "spec field 'target': expected a target name": "campo 'target' da especificação: esperado o nome de um alvo",
    "spec field 'args': expected an array of typed values": "campo 'args' da especificação: esperado um array de valores tipados",
    "spec field 'args[%1]': %2": "campo 'args[%1]' da especificação: %2",
    "spec field 'kwargs': expected an array of [name, value]": "campo 'kwargs' da especificação: esperado um array de [nome, valor]",
    "spec field 'kwargs[%1]': expected [name, value]": "campo 'kwargs[%1]' da especificação: esperado [nome, valor]",
    "spec field 'kwargs[%1]': %2": "campo 'kwargs[%1]' da especificação: %2",
    "spec field 'name': expected a string": "campo 'name' da especificação: esperada uma string",
    "spec field 'daemon': expected true or false": "campo 'daemon' da especificação: esperado true ou false",
    'spec field \'start_method\': expected "spawn" or "forkserver"':
        'campo \'start_method\' da especificação: esperado "spawn" ou "forkserver"',
    "spec field 'plugin': expected the absolute path of a plugin file":
        "campo 'plugin' da especificação: esperado o caminho absoluto de um arquivo de plugin",
    'expected an integer >= 1': 'esperado um inteiro >= 1',
    'version %1 is newer than this TwinRun reads (%2)': 'a versão %1 é mais nova do que este TwinRun lê (%2)',
    'the worker spec is too large: %1 MiB as JSON, over the %2 MiB limit (text counts as JSON text: a control character takes 6 bytes)':
        'a especificação do worker é grande demais: %1 MiB em JSON, acima do limite de %2 MiB (o texto conta como texto JSON: um caractere de controle ocupa 6 bytes)',
    '%1 is larger than %2 MiB': '%1 tem mais de %2 MiB',
    '%1 is not valid JSON (%2 at byte %3)': '%1 não é JSON válido (%2 no byte %3)',
    '%1 must be a JSON object': '%1 deve ser um objeto JSON',
    'a directory': 'uma pasta',
    'a FIFO': 'um FIFO',
    'a socket': 'um socket',
    'a device': 'um dispositivo',
    'a special file': 'um arquivo especial',
    'expected a file name': 'esperado um nome de arquivo',
    'cannot read it: %1': 'não é possível lê-lo: %1',
    'cannot read it: %1, not a regular file': 'não é possível lê-lo: é %1, não um arquivo comum',
    'the launch spec file is larger than %1 MiB': 'o arquivo da especificação de lançamento tem mais de %1 MiB',
    "launch spec field 'version': %1": "campo 'version' da especificação de lançamento: %1",
    'launch spec field \'mode\': expected "thread", "process" or "both"':
        'campo \'mode\' da especificação de lançamento: esperado "thread", "process" ou "both"',
    "launch spec field 'worker': expected an object": "campo 'worker' da especificação de lançamento: esperado um objeto",
    "launch spec field 'worker': %1": "campo 'worker' da especificação de lançamento: %1",
    'the launch spec': 'a especificação de lançamento',
    'cannot write %1: %2': 'não é possível gravar %1: %2',
    # Value parse errors (twinrun::Value): Python's own messages stay English (docs/PARITY.md)
    'at the end': 'no fim',
    'at column %1': 'na coluna %1',
    'expected %1 at the end': 'esperado %1 no fim',
    'expected %1, found %2 %3': 'esperado %1, encontrado %2 %3',
    'base-%1 digits': 'dígitos de base %1',
    'a decimal int cannot have leading zeros (%1)': 'um int decimal não pode ter zeros à esquerda (%1)',
    'unexpected indent %1': 'indentação inesperada %1',
    'a value': 'um valor',
    'the end of the text': 'o fim do texto',
    "',' or the end of the text": "',' ou o fim do texto",
    "'%1' %2 is an operation, not a literal (literal_eval allows it only in a complex number like 1+2j)":
        "'%1' %2 é uma operação, não um literal (literal_eval só a aceita num número complexo como 1+2j)",
    'nested more than %1 levels deep': 'aninhado em mais de %1 níveis',
    'a sign applies only directly to a number (as in ast.literal_eval), not to what is %1':
        'um sinal só se aplica diretamente a um número (como em ast.literal_eval), não ao que está %1',
    '%1 %2 is not a literal (the only words that are: True, False, None)':
        '%1 %2 não é um literal (as únicas palavras que são: True, False, None)',
    'a valid tuple literal': 'um literal de tupla válido',
    'a valid list literal': 'um literal de lista válido',
    'a valid dict or set literal': 'um literal de dict ou set válido',
    'one complete string literal': 'um literal de string completo',
    '%1 is refused: %2': '%1 é recusado: %2',
    '%1 is not %2: %3': '%1 não é %2: %3',
    'bytes and str literals cannot be concatenated (%1)': 'literais bytes e str não podem ser concatenados (%1)',
    'an f-string (%1) is not a literal': 'uma f-string (%1) não é um literal',
    'unterminated string starting %1': 'string sem fim que começa %1',
    'a bytes literal holds only ASCII characters (%1)': 'um literal bytes só contém caracteres ASCII (%1)',
    r'truncated \xXX escape %1': r'escape \xXX truncado %1',
    r'truncated \uXXXX escape %1': r'escape \uXXXX truncado %1',
    r'truncated \UXXXXXXXX escape %1': r'escape \UXXXXXXXX truncado %1',
    r'illegal Unicode character in \U escape %1': r'caractere Unicode ilegal no escape \U %1',
    # The Python setup and runner (twinrun::Python), --python's headers (twinrun::RunText)
    "python3 was not found on PATH: install Python 3 (or give the interpreter's path) to compare with CPython":
        'python3 não foi encontrado no PATH: instale o Python 3 (ou informe o caminho do interpretador) para comparar com o CPython',
    'the Python interpreter %1 is not an executable file': 'o interpretador Python %1 não é um arquivo executável',
    "TwinRun's Python runner %1 is missing (it is installed with TwinRun, in share/twinrun/python)":
        'o executor do Python do TwinRun %1 não foi encontrado (ele é instalado com o TwinRun, em share/twinrun/python)',
    "%1 is a plugin's target: only the built-in targets have a Python twin":
        '%1 é um alvo de plugin: só os alvos embutidos têm um gêmeo em Python',
    '%1 is not a known target, so it has no Python twin': '%1 não é um alvo conhecido, então não tem gêmeo em Python',
    'a Python run can only be started once': 'uma execução do Python só pode ser iniciada uma vez',
    "no temporary folder for the Python runner's report: %1":
        'nenhuma pasta temporária para o relatório do executor do Python: %1',
    'could not start %1: %2': 'não foi possível iniciar %1: %2',
    'the Python runner was killed before it reported': 'o executor do Python foi morto antes de relatar',
    'the Python runner ended without a report (exit status %1)':
        'o executor do Python terminou sem relatório (status de saída %1)',
    'thread': 'thread',
    'process': 'process',
    'python-thread': 'thread do Python',
    'python-process': 'process do Python',
    'removed': 'removido',
    # QMessageBox (the quit prompt)
    'Workers Still Running': 'Workers ainda em execução',
    '1 worker is still running: %1.': '1 worker ainda está em execução: %1.',
    '%1 workers are still running: %2.': '%1 workers ainda estão em execução: %2.',
    'Wait keeps the window open until they end, then closes it. Stop asks them to stop; processes that do not stop in time are killed.':
        'Aguardar mantém a janela aberta até que terminem e então a fecha. Parar pede que parem; processos que não param a tempo são mortos.',
    'Wait': 'Aguardar',
    'Stop Them': 'Parar todos',
    # desktop (issue 12): state names, the verdict and the built-ins' descriptions as the
    # window shows them (workers/worker.cpp, model/, workers/builtintargets.cpp)
    'created': 'criado',
    'starting': 'iniciando',
    'running': 'em execução',
    'finished': 'concluído',
    'failed': 'falhou',
    'crashed': 'caiu',
    'terminated': 'encerrado',
    'killed': 'morto',
    'failed to start': 'não iniciou',
    '%1, exit code %2, %3': '%1, código de saída %2, %3',
    '%1, %2': '%1, %2',
    # The parity verdicts with Python (twinrun::Parity, model/parityrules.cpp)
    "a Python thread has no exit code; TwinRun gives a thread the process meaning (0, N for exit(N), 1 for an uncaught error)":
        'uma thread do Python não tem código de saída; o TwinRun dá a uma thread o sentido de processo (0, N para exit(N), 1 para um erro não capturado)',
    "an uncaught error: TwinRun prints 'RuntimeError: <message>', Python a traceback ending in that same line":
        "um erro não capturado: o TwinRun imprime 'RuntimeError: <mensagem>', o Python um traceback que termina nessa mesma linha",
    "a thread cannot be killed: kill() on a thread is refused (TwinRun) or does not exist (Python, which cannot terminate() one either); the stopped run's output is a prefix of the other's":
        'uma thread não pode ser morta: kill() numa thread é recusado (TwinRun) ou não existe (Python, que também não consegue terminate() nela); a saída da execução parada é um prefixo da outra',
    'whoami prints the same lines with values that differ by nature (name, pid, ident)':
        'whoami imprime as mesmas linhas com valores que diferem por natureza (nome, pid, ident)',
    # The rules' short titles (the compare view's one-line verdicts)
    "a thread's exit code": 'código de saída de thread',
    "Python's traceback": 'traceback do Python',
    'a thread cannot be stopped': 'thread não pode ser parada',
    'values that differ by nature': 'valores que diferem por natureza',
    'TwinRun thread': 'thread do TwinRun',
    'TwinRun process': 'processo do TwinRun',
    'incomplete: the %1 has not ended': 'incompletos: %1 ainda não terminou',
    'incomplete: the output could not be compared (%1)': 'incompletos: a saída não pôde ser comparada (%1)',
    'states differ': 'estados diferem',
    'differs as documented: %1': 'diferem como documentado: %1',
    'identical: same stdout, stderr and exit code': 'idênticos: mesma stdout, stderr e código de saída',
    'stdout differs from line %1': 'stdout difere a partir da linha %1',
    'stderr differs from line %1': 'stderr difere a partir da linha %1',
    'exit codes differ': 'códigos de saída diferem',
    'incomplete: %1': 'incompletos: %1',
    'different: %1': 'diferentes: %1',
    'the thread is gone': 'a thread não existe mais',
    'the process is gone': 'o processo não existe mais',
    'the thread has not started': 'a thread não foi iniciada',
    'the process has not started': 'o processo não foi iniciado',
    'the thread is still running': 'a thread ainda está em execução',
    'the process is still running': 'o processo ainda está em execução',
    'the thread was stopped (%1)': 'a thread foi parada (%1)',
    'the process was stopped (%1)': 'o processo foi parado (%1)',
    'the thread failed to start': 'a thread não iniciou',
    'the process failed to start': 'o processo não iniciou',
    'stdout could not be compared (%1)': 'não foi possível comparar a stdout (%1)',
    'stderr could not be compared (%1)': 'não foi possível comparar a stderr (%1)',
    "The seed's example: prints each argument with its Python type.":
        'O exemplo original: imprime cada argumento com o seu tipo Python.',
    'Prints 1..n, one a line, waiting delay seconds between (interruptible).':
        'Imprime 1..n, um por linha, esperando delay segundos entre eles (interrompível).',
    'Waits, interruptibly; prints one line when done.':
        'Espera, de forma interrompível; imprime uma linha ao terminar.',
    'Allocates and touches megabytes MiB, holds them for seconds (interruptible), then frees them and prints one line.':
        'Aloca e toca megabytes MiB, mantém-nos por seconds segundos (interrompível), então os libera e imprime uma linha.',
    'CPU-bound: counts the primes below n and prints the count.':
        'Usa a CPU: conta os primos abaixo de n e imprime quantos são.',
    'Raises an error: the message on stderr, exit code 1.':
        'Lança um erro: a mensagem na stderr, código de saída 1.',
    'Ends with that exit code, like sys.exit(code).':
        'Termina com esse código de saída, como sys.exit(code).',
    "Dies by a signal: 'segv' (SIGSEGV) or 'abort' (SIGABRT). Process only.":
        "Morre por um sinal: 'segv' (SIGSEGV) ou 'abort' (SIGABRT). Só como processo.",
    'Prints that many numbered lines of width characters, fast.':
        'Imprime essa quantidade de linhas numeradas de width caracteres, rápido.',
    'Does nothing: what launching a worker costs.': 'Não faz nada: o custo de lançar um worker.',
    "Prints the worker's name, backend, pid, ident, native id and parent pid.":
        'Imprime o nome do worker, o backend, o pid, o ident, o id nativo e o pid do pai.',
    'Ignores stop requests (SIGTERM too) for a while: why a thread cannot be killed.':
        'Ignora pedidos de parada (SIGTERM também) por um tempo: por que uma thread não pode ser morta.',
    # desktop (issue 11): Tools > Benchmark (BenchDialog, BenchRunner, benchfigures)
    "Also &Python's threading and multiprocessing": 'Também threading e multiprocessing do &Python',
    '&Run': '&Executar',
    '&Cancel': '&Cancelar',
    '&Export PNG…': 'E&xportar PNG…',
    'Benchmark': 'Benchmark',
    "Runs bench/python_bench.py after TwinRun's measurements":
        'Executa bench/python_bench.py depois das medições do TwinRun',
    'Needs python3 and bench/python_bench.py': 'Requer python3 e bench/python_bench.py',
    '&Thread launches:': 'Lançamentos de &thread:',
    'P&rocess launches:': 'Lançamentos de p&rocesso:',
    '&Flood lines:': 'Linhas do &flood:',
    'Measures what `twinrun bench` measures, in the background.':
        'Mede o que `twinrun bench` mede, em segundo plano.',
    'Launch cost: launch to joined of noop, median (log scale)':
        'Custo de lançamento: do lançamento ao fim de noop, mediana (escala log)',
    'Flood throughput: numbered lines captured, MB/s': 'Vazão do flood: linhas numeradas capturadas, MB/s',
    'Cancelled.': 'Cancelado.',
    'Starting…': 'Iniciando…',
    'Done: TwinRun %1.': 'Pronto: TwinRun %1.',
    'Done: TwinRun %1 and Python %2.': 'Pronto: TwinRun %1 e Python %2.',
    'Cannot write %1': 'Não foi possível gravar %1',
    'Export Chart': 'Exportar gráfico',
    'PNG images (*.png)': 'Imagens PNG (*.png)',
    'Cannot start %1: %2': 'Não foi possível iniciar %1: %2',
    'Python: %1': 'Python: %1',
    '%1 did not finish the measurements%2': '%1 não terminou as medições%2',
    'T&ools': '&Ferramentas',
    '&Benchmark…': '&Benchmark…',
    'Floor': 'Piso',
    'Python': 'Python',
    '%1 MB/s': '%1 MB/s',
    # Command line (app/: twinrun::Cli, twinrun::CliRun; bench's report: twinrun::BenchReport)
    'Usage: twinrun [COMMAND] [OPTIONS]': 'Uso: twinrun [COMANDO] [OPÇÕES]',
    "Runs one function as a thread or as a process through one API, like Python's\nthreading.Thread and multiprocessing.Process, and compares the two.":
        'Executa uma função como thread ou como processo por uma única API, como o\nthreading.Thread e o multiprocessing.Process do Python, e compara os dois.',
    'Commands:': 'Comandos:',
    '(none)': '(nenhum)',
    'open the window; without a display, run the demo instead':
        'abre a janela; sem display, executa a demonstração',
    'run a target: twinrun run TARGET [ARG ...] [--as thread|process|both]':
        'executa um alvo: twinrun run TARGET [ARG ...] [--as thread|process|both]',
    'list the targets with their signatures and descriptions (plugins too)':
        'lista os alvos com assinaturas e descrições (plugins também)',
    "run the seed example faz_algo(1, 1.5, 'Edson') as a thread and a process":
        "executa o exemplo original faz_algo(1, 1.5, 'Edson') como thread e como processo",
    'measure launch cost and output throughput of both backends':
        'mede o custo de início e a vazão de saída dos dois backends',
    'Options:': 'Opções:',
    "show this help (twinrun COMMAND --help: that command's)":
        'mostra esta ajuda (twinrun COMANDO --help: a desse comando)',
    'show the version': 'mostra a versão',
    'Examples:': 'Exemplos:',
    'Show this help.': 'Mostra esta ajuda.',
    'unknown option %1': 'opção desconhecida %1',
    'unknown command %1 (commands: run, targets, demo, bench)':
        'comando desconhecido %1 (comandos: run, targets, demo, bench)',
    'unexpected argument %1': 'argumento inesperado %1',
    "(an ARG that starts with '-' goes after --: twinrun run TARGET [options] -- ARG ...)":
        "(um ARG que começa com '-' vai depois de --: twinrun run TARGET [opções] -- ARG ...)",
    'no display found (DISPLAY is not set): running the demo instead of opening the window':
        'nenhum display encontrado (DISPLAY não está definido): executando a demonstração em vez de abrir a janela',
    'Lists the targets a worker can run.': 'Lista os alvos que um worker pode executar.',
    'Print a JSON array.': 'Imprime um array JSON.',
    'process only': 'só processo',
    'plugin %1': 'plugin %1',
    'Load the plugin FILE first (repeatable): its targets are named <plugin>.<function>. Plugins in TWINRUN_PLUGIN_PATH and the user\'s plugin folder are found without it.':
        'Carrega antes o plugin FILE (repetível): seus alvos se chamam <plugin>.<função>. Plugins em TWINRUN_PLUGIN_PATH e na pasta de plugins do usuário são encontrados sem esta opção.',
    'warning: skipped %1': 'aviso: ignorado %1',
    "Runs TARGET with ARGs (Python literals: 1, 1.5, 'text', True, None, (1, 2); a bare word\nis a str) as a thread, a process or both. The target's stdout and stderr pass through\nunchanged. Exit status: the worker's exit code; 128+N when a process died by signal N;\n124 when --timeout ran out; 130/143 on SIGINT/SIGTERM; 2 for bad usage. A negative\nnumber is an ARG (-5, -1.5); put -- before other ARGs that start with '-'.":
        "Executa TARGET com ARGs (literais Python: 1, 1.5, 'texto', True, None, (1, 2); uma palavra\nsolta é uma str) como thread, como processo ou ambos. A stdout e a stderr do alvo passam\nsem mudança. Código de saída: o do worker; 128+N quando um processo morreu pelo sinal N;\n124 quando o --timeout se esgotou; 130/143 com SIGINT/SIGTERM; 2 para uso incorreto. Um\nnúmero negativo é um ARG (-5, -1.5); ponha -- antes de outros ARGs que começam com '-'.",
    "The target to run (see 'twinrun targets').": "O alvo a executar (veja 'twinrun targets').",
    'Positional arguments.': 'Argumentos posicionais.',
    'Backend: thread (default), process or both.': 'Backend: thread (padrão), process ou both.',
    'A keyword argument, KEY=VALUE (repeatable).': 'Um argumento nomeado, KEY=VALUE (repetível).',
    "The worker's name (default: Thread-N (target) or Process-N).":
        'O nome do worker (padrão: Thread-N (alvo) ou Process-N).',
    'Mark the worker as a daemon (recorded in the spec and the JSON; run waits for it anyway).':
        'Marca o worker como daemon (registrado na especificação e no JSON; run espera por ele mesmo assim).',
    'How a process worker starts: spawn (default: re-run twinrun) or forkserver (fork a warm helper).':
        'Como um worker de processo inicia: spawn (padrão: executa o twinrun de novo) ou forkserver (fork de um auxiliar já pronto).',
    'Run the launch spec (preset) saved in FILE, as the window saves it, instead of TARGET and ARGs.':
        'Executa a especificação de lançamento (preset) salva em FILE, como a janela a salva, em vez de TARGET e ARGs.',
    'Stop the worker after SECONDS; exit 124.': 'Para o worker após SECONDS; sai com 124.',
    'Print one JSON object per worker, nothing else.': 'Imprime um objeto JSON por worker, e nada mais.',
    "Also run the call with CPython's threading.Thread and/or multiprocessing.Process and compare all runs (needs python3).":
        'Executa a chamada também com threading.Thread e/ou multiprocessing.Process do CPython e compara todas as execuções (requer python3).',
    'With --python: the Python interpreter to use (default: python3 on PATH).':
        'Com --python: o interpretador Python a usar (padrão: python3 no PATH).',
    '--python-exe: only with --python': '--python-exe: só com --python',
    'missing TARGET (known: %1)': 'falta TARGET (conhecidos: %1)',
    '--kwarg %1: expected KEY=VALUE with KEY a Python identifier':
        '--kwarg %1: esperado KEY=VALUE com KEY um identificador Python',
    '--kwarg %1: keyword %2 given more than once': '--kwarg %1: argumento nomeado %2 dado mais de uma vez',
    '--name: expected a non-empty name': '--name: esperado um nome não vazio',
    '--start-method %1: expected spawn or forkserver': '--start-method %1: esperado spawn ou forkserver',
    '--as %1: expected thread, process or both': '--as %1: esperado thread, process ou both',
    '--spec %1 already says what to run: drop TARGET and ARGs':
        '--spec %1 já diz o que executar: retire TARGET e ARGs',
    '--spec %1 already says what to run: drop --%2': '--spec %1 já diz o que executar: retire --%2',
    '--timeout %1: expected a number of seconds greater than 0':
        '--timeout %1: esperado um número de segundos maior que 0',
    # demo's own help
    "Runs the seed's example, faz_algo(1, 1.5, 'Edson'), as a thread and as a process (twinrun run faz_algo 1 1.5 Edson --as both).":
        "Executa o exemplo original, faz_algo(1, 1.5, 'Edson'), como thread e como processo (twinrun run faz_algo 1 1.5 Edson --as both).",
    "TwinRun demo: faz_algo(1, 1.5, 'Edson') as a thread and as a process, like the\nseed's threading.Thread / multiprocessing.Process example.":
        "Demonstração do TwinRun: faz_algo(1, 1.5, 'Edson') como thread e como processo, como no\nexemplo original com threading.Thread / multiprocessing.Process.",
    "Measures launch cost and output throughput of thread and process workers through the\nWorker API, next to floors measured in the same run. bench/compare.py runs this and\nPython's threading/multiprocessing side by side.":
        'Mede o custo de início e a vazão de saída de workers de thread e de processo pela\nAPI Worker, ao lado de pisos medidos na mesma execução. bench/compare.py executa isto e\no threading/multiprocessing do Python lado a lado.',
    'Thread launches (default 200).': 'Inícios de thread (padrão 200).',
    'Process launches (default 50).': 'Inícios de processo (padrão 50).',
    'Lines in the flood (default 1000000).': 'Linhas do flood (padrão 1000000).',
    'Lines in the memory flood (default 10000000).': 'Linhas do flood de memória (padrão 10000000).',
    'Skip the memory flood.': 'Pula o flood de memória.',
    'Print one JSON object.': 'Imprime um objeto JSON.',
    'Progress on stderr, a line a step: "progress FRACTION STEP".':
        'Progresso na stderr, uma linha por etapa: "progress FRACTION STEP".',
    '--%1 %2: expected a whole number greater than 0': '--%1 %2: esperado um número inteiro maior que 0',
    # Command line: around the runs (twinrun::CliRun)
    "cannot keep %1's output until it is printed: %2":
        'não é possível guardar a saída de %1 até que seja impressa: %2',
    '%1 is still running and cannot be killed (a thread can only stop itself); leaving it behind':
        '%1 ainda está em execução e não pode ser morto (uma thread só pode parar a si mesma); deixando-o para trás',
    'thread %1; process %2': 'thread %1; processo %2',
    '%1, %2 line %3: %4': '%1, %2 linha %3: %4',
    '(no such line)': '(linha inexistente)',
    '(past the first 1 MiB, not kept)': '(depois do primeiro 1 MiB, não guardada)',
    'times: %1': 'tempos: %1',
    '(CPU %1)': '(CPU %1)',
    'cannot write to %1: %2': 'não é possível escrever em %1: %2',
    # Command line: bench's report (twinrun::BenchReport)
    'Launch (create + start + join of noop), microseconds: min / median / p90':
        'Início (criar + iniciar + join de noop), microssegundos: mín / mediana / p90',
    'worker': 'worker',
    'to running': 'até em execução',
    'to joined': 'até o join',
    "Output flood captured into the worker's log": 'Flood de saída capturado no log do worker',
    'Memory: %1-line flood, peak RSS %2 MB (log kept %3 lines, dropped %4)':
        'Memória: flood de %1 linhas, pico de RSS %2 MB (o log guardou %3 linhas, descartou %4)',
    'Command line: run flood %1 %2, peak RSS %3 MB': 'Linha de comando: run flood %1 %2, pico de RSS %3 MB',
    # bench: the command line's own peak RSS (bench/childpeak.h), or an upper bound untraced
    "Command line: run flood %1 %2, peak RSS at most %3 MB (not traced: the kernel's figure counts the bench's own memory too)":
        'Linha de comando: run flood %1 %2, pico de RSS de no máximo %3 MB (sem rastreamento: o número do kernel conta também a memória do próprio bench)',
    # ArgType (ui/argtype.cpp): an argument row's type check
    'enter a Python literal': 'digite um literal Python',
    'enter a value of type %1': 'digite um valor do tipo %1',
    'expected %1, got %2 %3': 'esperado %1, recebido %2 %3',
    'expected %1, got %2 %3 (enter True or False)': 'esperado %1, recebido %2 %3 (digite True ou False)',
    # ArgListEditor
    'No positional arguments': 'Nenhum argumento posicional',
    'No keyword arguments': 'Nenhum argumento nomeado',
    '&Add argument': 'Adicionar a&rgumento',
    'Add ke&yword': 'Adicionar nomea&do',
    '(extra)': '(a mais)',
    'The target takes no more positional arguments (it has no *args)':
        'O alvo não aceita mais argumentos posicionais (não tem *args)',
    'Every keyword parameter of the target is given already': 'Todos os parâmetros nomeados do alvo já foram dados',
    'The target takes no keyword arguments': 'O alvo não aceita argumentos nomeados',
    # ArgRow
    'e.g. 42, -7, 0x1f': 'ex.: 42, -7, 0x1f',
    'e.g. 1.5, 1e3, inf': 'ex.: 1.5, 1e3, inf',
    'text, taken as typed': 'texto, como digitado',
    'True or False': 'True ou False',
    "e.g. (1, 2), [1, 'a'], {'k': 1}": "ex.: (1, 2), [1, 'a'], {'k': 1}",
    "The keyword, as in name=value: one of the target's parameters": 'O nome, como em nome=valor: um dos parâmetros do alvo',
    'The value\'s Python type; "literal" takes any Python literal, such as a tuple, list or dict':
        'O tipo Python do valor; "literal" aceita qualquer literal Python, como uma tupla, lista ou dict',
    'The value, as a Python literal': 'O valor, como literal Python',
    'Move up': 'Mover para cima',
    'Move down': 'Mover para baixo',
    'Remove': 'Remover',
    'name': 'nome',
    # ComparePanel
    'Thread': 'Thread',
    'Process': 'Processo',
    '%1 · %2': '%1 · %2',
    'exit code %1': 'código de saída %1',
    'Launch in Both mode to compare a thread run with a process run':
        'Inicie no modo Ambos para comparar uma execução em thread com uma em processo',
    'Running: the verdict comes when both have ended': 'Em execução: o veredito vem quando ambos terminarem',
    # FindBar
    'Match case': 'Diferenciar maiúsculas',
    'Find in output': 'Localizar na saída',
    'Previous match (Shift+Return)': 'Ocorrência anterior (Shift+Enter)',
    'Next match (Return)': 'Próxima ocorrência (Enter)',
    'Close (Escape)': 'Fechar (Esc)',
    'Find:': 'Localizar:',
    'Not found': 'Não encontrado',
    # HelpPages
    '<h3>The command line</h3><p>Everything the window launches, <tt>twinrun run</tt> runs from a terminal, with the same targets, values and exit codes.</p>':
        '<h3>A linha de comando</h3><p>Tudo o que a janela inicia, <tt>twinrun run</tt> executa num terminal, com os mesmos alvos, valores e códigos de saída.</p>',
    'open the window (without a display: run the demo)': 'abre a janela (sem display: executa a demonstração)',
    'run a preset saved by the window': 'executa um preset salvo pela janela',
    'every target with its signature and description': 'todos os alvos, com assinatura e descrição',
    'the seed example as a thread and as a process, compared': 'o exemplo original como thread e como processo, comparados',
    'launch cost and output throughput': 'custo de início e vazão de saída',
    "<p>ARGs and kwarg VALUEs are Python literals: <tt>1</tt>, <tt>1.5</tt>, <tt>'Edson'</tt>, <tt>True</tt>, <tt>None</tt>, <tt>(1, 2)</tt>; a bare word is a str as typed. The target's output goes to stdout and stderr byte for byte. Exit status: the worker's exit code, 128+N when a process died by signal N, 124 on <tt>--timeout</tt>, 2 for bad usage.</p><p>Examples:</p>":
        "<p>ARGs e VALUEs de kwarg são literais Python: <tt>1</tt>, <tt>1.5</tt>, <tt>'Edson'</tt>, <tt>True</tt>, <tt>None</tt>, <tt>(1, 2)</tt>; uma palavra solta é uma str como digitada. A saída do alvo vai para stdout e stderr byte a byte. Status de saída: o código de saída do worker, 128+N quando um processo morreu pelo sinal N, 124 em <tt>--timeout</tt>, 2 para uso incorreto.</p><p>Exemplos:</p>",
    '<h3>Threads and processes</h3><p>In Python, <tt>threading.Thread</tt> and <tt>multiprocessing.Process</tt> share one API: switching a call from a thread to a process is one word. TwinRun is that parity in C++ and Qt, made visible.</p>':
        '<h3>Threads e processos</h3><p>Em Python, <tt>threading.Thread</tt> e <tt>multiprocessing.Process</tt> têm a mesma API: trocar uma chamada de thread para processo é uma palavra. O TwinRun é essa paridade em C++ e Qt, tornada visível.</p>',
    "<p>Both print the same three lines. What differs is where the call runs:</p><ul><li>A <b>thread</b> runs inside this app and shares its memory: it starts fast and passes data for free, but it cannot be killed from outside (only asked to stop), and a crash in it would take the app down, so <tt>crash</tt> is refused as a thread.</li><li>A <b>process</b> is a program of its own: it costs a start-up, its data is copied to it, but it can be killed at any time, and when it crashes only it ends (the table names the signal, such as SIGSEGV).</li></ul><p>Launch the form's call with <b>Both</b> to run it both ways at once and compare their output, exit codes and times. The panel under the form shows the same call as Python would write it and as TwinRun C++.</p>":
        "<p>Os dois imprimem as mesmas três linhas. O que muda é onde a chamada roda:</p><ul><li>Uma <b>thread</b> roda dentro deste aplicativo e compartilha a memória dele: começa rápido e passa dados de graça, mas não pode ser morta de fora (só se pode pedir que pare), e uma falha nela derrubaria o aplicativo; por isso <tt>crash</tt> é recusado como thread.</li><li>Um <b>processo</b> é um programa à parte: custa uma inicialização, os dados são copiados para ele, mas pode ser morto a qualquer momento, e quando falha só ele termina (a tabela mostra o sinal, como SIGSEGV).</li></ul><p>Inicie a chamada do formulário com <b>Ambos</b> para executá-la dos dois jeitos ao mesmo tempo e comparar saída, códigos de saída e tempos. O painel sob o formulário mostra a mesma chamada como o Python a escreveria e como TwinRun C++.</p>",
    # JoinBar
    'Cancel Join': 'Cancelar espera',
    'Stop waiting; the workers go on running': 'Parar de esperar; os workers continuam rodando',
    'Join cancelled: %1 still running': 'Espera cancelada: %1 ainda em execução',
    '%1 still running after %2 s': '%1 ainda em execução após %2 s',
    '%1 joined: exit code %2': '%1 terminou: código de saída %2',
    '%1 joined: %2': '%1 terminou: %2',
    'Joining %1… %2 s left': 'Aguardando %1… faltam %2 s',
    # LaunchPanel
    "Launch the form's call (Ctrl+Return)": 'Iniciar a chamada do formulário (Ctrl+Enter)',
    '%1: %2': '%1: %2',
    'A keyword argument needs a name': 'Um argumento nomeado precisa de um nome',
    "'%1' is not a valid keyword name": "'%1' não é um nome de argumento válido",
    'keyword argument repeated: %1': 'argumento nomeado repetido: %1',
    '%1=: %2': '%1=: %2',
    '&Positional arguments': 'Argumentos &posicionais',
    '&Keyword arguments': 'Argumentos &nomeados',
    '&Daemon': 'Dae&mon',
    '&Launch': '&Iniciar',
    '&Target': 'A&lvo',
    'Worker': 'Worker',
    'default: Thread-N (target) / Process-N': 'padrão: Thread-N (alvo) / Process-N',
    'A daemon worker is stopped when the app quits; the app waits for the others (and asks you first)':
        'Um worker daemon é parado quando o aplicativo fecha; o aplicativo espera pelos outros (e pergunta antes)',
    'threading.Thread: runs inside this app, shares its memory': 'threading.Thread: roda dentro deste aplicativo, compartilha a memória dele',
    'multiprocessing.Process: a child process of its own (spawn)': 'multiprocessing.Process: um processo filho próprio (spawn)',
    'Both': 'Ambos',
    'The same call as a thread and as a process at once, to compare them':
        'A mesma chamada como thread e como processo ao mesmo tempo, para compará-las',
    'spawn': 'spawn',
    'forkserver': 'forkserver',
    "How a process worker starts, like Python's start methods: spawn re-runs TwinRun; forkserver forks a warm helper (faster)":
        'Como um worker em processo começa, como os start methods do Python: spawn executa o TwinRun de novo; forkserver faz fork de um auxiliar já carregado (mais rápido)',
    'R&un as:': 'E&xecutar como:',
    '&Name:': 'N&ome:',
    '%1 (unknown target)': '%1 (alvo desconhecido)',
    'This target is not registered.': 'Este alvo não está registrado.',
    # MainWindow
    'TwinRun': 'TwinRun',
    'Cancel Closing': 'Cancelar fechamento',
    'Dismiss': 'Dispensar',
    'Copied: %1': 'Copiado: %1',
    'expected thread, process, both or a JSON launch spec': 'esperado thread, process, both ou uma especificação JSON',
    'TWINRUN_DEMO_LAUNCH=%1 was not launched: %2': 'TWINRUN_DEMO_LAUNCH=%1 não foi iniciado: %2',
    'Output': 'Saída',
    'Not launched: the window is closing (Cancel Closing first)': 'Não iniciado: a janela está fechando (cancele o fechamento antes)',
    '%1 failed to start: %2': '%1 não iniciou: %2',
    'Launched %1': 'Iniciado: %1',
    ' and ': ' e ',
    'Select a worker launched in Both mode to compare its two runs':
        'Selecione um worker iniciado no modo Ambos para comparar as duas execuções',
    'Running: %1 · %2': 'Em execução: %1 · %2',
    '1 thread': '1 thread',
    '%1 threads': '%1 threads',
    '1 process': '1 processo',
    '%1 processes': '%1 processos',
    'The window will close when the running worker has ended. Nothing new can be launched meanwhile.':
        'A janela fechará quando o worker em execução terminar. Nada novo pode ser iniciado enquanto isso.',
    'The window will close when the %1 running workers have ended. Nothing new can be launched meanwhile.':
        'A janela fechará quando os %1 workers em execução terminarem. Nada novo pode ser iniciado enquanto isso.',
    'The window is closing: Cancel Closing to launch again': 'A janela está fechando: cancele o fechamento para iniciar de novo',
    'Closing cancelled': 'Fechamento cancelado',
    'The form is not a valid call: %1': 'O formulário não é uma chamada válida: %1',
    'Cannot open %1: %2': 'Não foi possível abrir %1: %2',
    'Opened %1': 'Aberto: %1',
    'Save Preset': 'Salvar preset',
    'TwinRun presets (*.json)': 'Presets do TwinRun (*.json)',
    'Output Line Limit': 'Limite de linhas da saída',
    'Lines kept per worker (the view shows them, Save writes them; earlier ones are dropped and counted):':
        'Linhas guardadas por worker (a visão as mostra, Salvar as grava; as anteriores são descartadas e contadas):',
    '&File': '&Arquivo',
    'Reset Form to the Seed Example': 'Voltar o formulário ao exemplo original',
    '&Open Preset...': '&Abrir preset...',
    'Open Preset': 'Abrir preset',
    '&Save Preset...': '&Salvar preset...',
    '&Quit': '&Sair',
    '&Edit': '&Editar',
    '&Find in Output': '&Localizar na saída',
    'Filter &Workers': 'Filtrar &workers',
    'Output &Line Limit…': 'Limite de &linhas da saída…',
    '&View': '&Visualizar',
    '&Code Panel (Python and C++)': 'Painel de &código (Python e C++)',
    '&Workers': '&Workers',
    '&Help': 'Aj&uda',
    '&What Is This? Threads and Processes': '&O que é isto? Threads e processos',
    'Threads and Processes': 'Threads e processos',
    'The &Command Line': 'A linha de &comando',
    'The Command Line': 'A linha de comando',
    '&About TwinRun': '&Sobre o TwinRun',
    'About TwinRun': 'Sobre o TwinRun',
    "<h3>TwinRun %1</h3><p>Python's <tt>threading.Thread</tt> and <tt>multiprocessing.Process</tt>, in C++ and Qt: one Worker API, a thread backend and a process backend. Launch a call both ways and compare.</p>":
        '<h3>TwinRun %1</h3><p><tt>threading.Thread</tt> e <tt>multiprocessing.Process</tt> do Python, em C++ e Qt: uma API Worker, um backend de thread e um de processo. Inicie uma chamada dos dois jeitos e compare.</p>',
    # OutputPane
    'Find': 'Localizar',
    'Find in the output (Ctrl+F)': 'Localizar na saída (Ctrl+F)',
    'Copy': 'Copiar',
    'Copy the selection, or the whole output when nothing is selected': 'Copiar a seleção, ou a saída inteira quando nada está selecionado',
    'Save…': 'Salvar…',
    'Save the output to a file': 'Salvar a saída num arquivo',
    'Clear': 'Limpar',
    "Clear this worker's output": 'Limpar a saída deste worker',
    'Save Output': 'Salvar saída',
    'Logs (*.log *.txt);;All files (*)': 'Logs (*.log *.txt);;Todos os arquivos (*)',
    '[TwinRun: 1 earlier line was dropped; the log keeps the last %1]':
        '[TwinRun: 1 linha anterior foi descartada; o log guarda as últimas %1]',
    '[TwinRun: %1 earlier lines were dropped; the log keeps the last %2]':
        '[TwinRun: %1 linhas anteriores foram descartadas; o log guarda as últimas %2]',
    'Saved %1 lines to %2': '%1 linhas salvas em %2',
    'Could not save %1: %2': 'Não foi possível salvar %1: %2',
    '%1 — %2': '%1 — %2',
    ', exit code %1': ', código de saída %1',
    'Failed to start: %1': 'Não iniciou: %1',
    '1 earlier line dropped': '1 linha anterior descartada',
    '%1 earlier lines dropped': '%1 linhas anteriores descartadas',
    # OutputView
    'No output': 'Sem saída',
    # ParityPanel
    'Python — thread': 'Python — thread',
    'Python — process': 'Python — processo',
    'TwinRun C++': 'TwinRun C++',
    'Copy to the clipboard': 'Copiar para a área de transferência',
    '# Not a valid call yet: %1': '# Ainda não é uma chamada válida: %1',
    # WorkerFilterModel
    'still running, cannot be killed': 'ainda em execução, não pode ser morta',
    'stop requested': 'parada pedida',
    # WorkerTableModel
    'Name': 'Nome',
    'Backend': 'Backend',
    'Call': 'Chamada',
    'State': 'Estado',
    'Ident': 'Ident',
    'Exit code': 'Código de saída',
    'Started': 'Início',
    'Duration': 'Duração',
    'Lines': 'Linhas',
    # monitor (issue 11): the figures columns and the timeline
    'Timeline': 'Linha do tempo',
    'Launch a worker: each run shows here as a bar from its start to its end':
        'Lance um worker: cada execução aparece aqui como uma barra do início ao fim',
    'Zoom In': 'Aproximar',
    'Zoom Out': 'Afastar',
    'Fit All': 'Mostrar tudo',
    'Export as PNG...': 'Exportar como PNG...',
    'Export as SVG...': 'Exportar como SVG...',
    'SVG images (*.svg)': 'Imagens SVG (*.svg)',
    'PNG images (*.png)': 'Imagens PNG (*.png)',
    'Export Timeline': 'Exportar linha do tempo',
    'TwinRun timeline': 'Linha do tempo do TwinRun',
    'Cannot write %1': 'Não foi possível gravar %1',
    'This build cannot write SVG (Qt SVG was not found when it was built): export as PNG':
        'Esta compilação não grava SVG (o Qt SVG não foi encontrado ao compilar): exporte como PNG',
    'Cannot write %1: %2': 'Não foi possível gravar %1: %2',
    'CPU time': 'Tempo de CPU',
    'CPU %': 'CPU %',
    'Memory': 'Memória',
    'Threads': 'Threads',
    'Switches': 'Trocas',
    'user %1, system %2%3': 'usuário %1, sistema %2%3',
    ' (sampled while it ran)': ' (amostrado durante a execução)',
    'Average over the whole run: 100% is one CPU all the time':
        'Média da execução inteira: 100% é uma CPU o tempo todo',
    'Over the last sampling interval: 100% is one CPU all the time':
        'No último intervalo de amostragem: 100% é uma CPU o tempo todo',
    "A thread has no memory of its own: the app's resident memory is %1 (peak %2)":
        'Uma thread não tem memória própria: a memória residente do app é %1 (pico %2)',
    'Resident memory now / at its peak': 'Memória residente agora / no pico',
    'Context switches: voluntary (waiting) / involuntary (preempted)':
        'Trocas de contexto: voluntárias (esperando) / involuntárias (preemptadas)',
    'shared with the app': 'compartilhada com o app',
    'peak %1': 'pico %1',
    # WorkersPanel
    "A thread cannot be killed: it shares the app's memory, so stopping it from outside could leave locks held and data half-written. Use Terminate to ask it to stop.":
        'Uma thread não pode ser morta: ela compartilha a memória do aplicativo, e pará-la de fora poderia deixar locks presos e dados pela metade. Use Encerrar para pedir que pare.',
    '&Columns': '&Colunas',
    'Join': 'Aguardar',
    'Terminate': 'Encerrar',
    'Kill': 'Matar',
    'Re-run': 'Executar de novo',
    'Clear Finished': 'Limpar terminados',
    'Join &Timeout…': '&Tempo limite da espera…',
    'Filter workers': 'Filtrar workers',
    'Shows the rows where any column contains the text (any case)':
        'Mostra as linhas em que alguma coluna contém o texto (maiúsculas ou minúsculas)',
    'Join Timeout': 'Tempo limite da espera',
    'Join waits at most (seconds):': 'A espera dura no máximo (segundos):',
    'Asked %1 to stop': 'Pedido a %1 que pare',
    'Sent SIGTERM to %1': 'SIGTERM enviado a %1',
    'Sent SIGKILL to %1': 'SIGKILL enviado a %1',
    'Not removed while running: %1 (terminate first)': 'Não removidos enquanto em execução: %1 (encerre antes)',
    'Kill the process at once (SIGKILL, exit code -9)': 'Matar o processo na hora (SIGKILL, código de saída -9)',
    'A running worker cannot be removed: terminate it first': 'Um worker em execução não pode ser removido: encerre-o antes',
    'Remove the selected workers that have ended (Delete)': 'Remover os workers selecionados que terminaram (Delete)',
}
# Plural forms for pt_BR: one, many.
PT_NUMERUS = {
    # Command line: bench's report (twinrun::BenchReport)
    '%1 lines in %2 s: %3 lines/s, %4 MB/s': ['%1 linha em %2 s: %3 linhas/s, %4 MB/s',
                                              '%1 linhas em %2 s: %3 linhas/s, %4 MB/s'],
    'Responsiveness: %n workers flooding, event-loop stall max %1 ms, p99 %2 ms':
        ['Responsividade: %n worker em flood, parada do laço de eventos máx. %1 ms, p99 %2 ms',
         'Responsividade: %n workers em flood, parada do laço de eventos máx. %1 ms, p99 %2 ms'],
    'Sampling %n process workers once a second: %1% of one CPU (the whole process, less what it spends without sampling: %2%)':
        ['Amostrar %n worker de processo uma vez por segundo: %1% de uma CPU (o processo inteiro, menos o que gasta sem amostrar: %2%)',
         'Amostrar %n workers de processo uma vez por segundo: %1% de uma CPU (o processo inteiro, menos o que gasta sem amostrar: %2%)'],
    # pluginui (issue 10)
    'Loaded the plugin %1: %n target(s)': ['Plugin %1 carregado: %n alvo',
                                           'Plugin %1 carregado: %n alvos'],
    'Copied %n line(s) to the clipboard': ['%n linha copiada para a área de transferência',
                                           '%n linhas copiadas para a área de transferência'],
}

ts = pathlib.Path(__file__).with_name('twinrun_pt_BR.ts')
tree = ET.parse(ts)
missing = []
for message in tree.getroot().iter('message'):
    source = message.find('source').text
    translation = message.find('translation')
    if message.get('numerus') == 'yes':
        forms = PT_NUMERUS.get(source)
        if not forms:
            missing.append(source)
            continue
        for child in list(translation):
            translation.remove(child)
        for form in forms:
            ET.SubElement(translation, 'numerusform').text = form
        translation.text = None
    else:
        if source not in PT:
            missing.append(source)
            continue
        translation.text = PT[source]
    translation.attrib.pop('type', None)
ET.indent(tree)
tree.write(ts, encoding='utf-8', xml_declaration=True)
with open(ts, 'r+', encoding='utf-8') as f:  # keep the DOCTYPE lupdate expects
    text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    f.seek(0); f.write(text); f.truncate()
for source in missing:
    print('untranslated:', source)
